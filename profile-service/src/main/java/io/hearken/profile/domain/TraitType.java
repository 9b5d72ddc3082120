package io.hearken.profile.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The type of a trait's values; a value of another type is refused, naming the trait. */
public enum TraitType {
    STRING, NUMBER, BOOLEAN, DATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TraitType> fromWire(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
    }
}
