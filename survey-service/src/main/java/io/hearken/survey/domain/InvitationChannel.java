package io.hearken.survey.domain;

import java.util.Arrays;
import java.util.Optional;

/** How an invitation reaches a customer. */
public enum InvitationChannel {
    EMAIL, SMS;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<InvitationChannel> fromWireName(String value) {
        return Arrays.stream(values()).filter(channel -> channel.wireName().equals(value)).findFirst();
    }
}
