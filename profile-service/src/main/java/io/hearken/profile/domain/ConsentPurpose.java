package io.hearken.profile.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a customer would be contacted: consent is given per channel and purpose. */
public enum ConsentPurpose {
    SURVEYS, MARKETING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsentPurpose> fromWire(String name) {
        return Arrays.stream(values()).filter(purpose -> purpose.wireName().equals(name)).findFirst();
    }
}
