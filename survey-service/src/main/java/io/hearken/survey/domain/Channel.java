package io.hearken.survey.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a response came from; the wire name is the lower-case, hyphenated form ({@code call-centre}). */
public enum Channel {
    WEB, WIDGET, IN_APP, EMAIL, SMS, KIOSK, CHAT, VOICE, CALL_CENTRE, REVIEW, SOCIAL, API;

    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<Channel> fromWireName(String value) {
        return Arrays.stream(values()).filter(channel -> channel.wireName().equals(value)).findFirst();
    }

    public static String allWireNames() {
        return Arrays.stream(values()).map(Channel::wireName).collect(Collectors.joining(", "));
    }
}
