package io.hearken.insight.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which responses a score counts, by the values of some {@link Dimension}s (all responses when none is fixed). A
 * response is recorded twice in the rollups, under the slice of all responses and under its own values of every
 * dimension, so a query for all responses reads one row per bucket and a query fixing any dimensions reads only the
 * rows of the combinations that occurred: its cost follows the number of combinations, never the number of responses.
 */
public record Slice(Map<Dimension, String> values) {

    /** Stored for every dimension in the rollup rows that count all responses. */
    public static final String ALL = "*";
    /** Stored for a dimension the response did not carry (no touchpoint, say). */
    public static final String NONE = "";

    public static final Slice EVERYTHING = new Slice(Map.of());

    public Slice {
        EnumMap<Dimension, String> copy = new EnumMap<>(Dimension.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    public boolean isEverything() {
        return values.isEmpty();
    }

    /** The value fixed for {@code dimension}, or null when the slice spans all of them. */
    public String valueOf(Dimension dimension) {
        return values.get(dimension);
    }
}
