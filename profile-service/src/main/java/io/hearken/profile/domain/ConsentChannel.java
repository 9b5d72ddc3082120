package io.hearken.profile.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The channels a customer can be contacted on, each with its own consent. */
public enum ConsentChannel {
    EMAIL, SMS, PUSH, PHONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsentChannel> fromWire(String name) {
        return Arrays.stream(values()).filter(channel -> channel.wireName().equals(name)).findFirst();
    }
}
