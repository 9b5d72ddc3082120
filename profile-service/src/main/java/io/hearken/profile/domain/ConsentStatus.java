package io.hearken.profile.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A customer's answer for one channel and purpose. Ordered from most to least restrictive: a merge keeps the most
 * restrictive of the two profiles' answers, so joining profiles never turns an opt-out into a consent.
 */
public enum ConsentStatus {
    /** The customer said no, or took a yes back. */
    OPTED_OUT,
    GRANTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ConsentStatus> fromWire(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }

    public static ConsentStatus mostRestrictive(ConsentStatus one, ConsentStatus other) {
        return one.compareTo(other) <= 0 ? one : other;
    }
}
