package io.hearken.insight.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which responses a score counts, by the values of some {@link Dimension}s (all responses when none is fixed). A
 * response is recorded twice in the rollups, under the slice of all responses and under its own values of every
 * dimension, so a query for all responses reads one row per bucket and a query fixing any dimensions reads only the
 * rows of the combinations that occurred: its cost follows the number of combinations, never the number of responses.
 * {@code segment} narrows it to the customers who were in one of profile-service's segments when they answered
 * ({@link #ALL}: every respondent, identified or not).
 */
public record Slice(Map<Dimension, String> values, String segment) {

    /** Stored for every dimension in the rollup rows that count all responses. */
    public static final String ALL = "*";
    /** Stored for a dimension the response did not carry (no touchpoint, say). */
    public static final String NONE = "";

    public static final Slice EVERYTHING = new Slice(Map.of());

    public Slice {
        EnumMap<Dimension, String> copy = new EnumMap<>(Dimension.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
        segment = segment == null ? ALL : segment;
    }

    /** Every respondent in these dimension values. */
    public Slice(Map<Dimension, String> values) {
        this(values, ALL);
    }

    /** Whether no dimension is fixed (the segment aside): then the rows of all responses are read. */
    public boolean isEverything() {
        return values.isEmpty();
    }

    /** Whether only the respondents of one segment count. */
    public boolean isSegment() {
        return !ALL.equals(segment);
    }

    /** The value fixed for {@code dimension}, or null when the slice spans all of them. */
    public String valueOf(Dimension dimension) {
        return values.get(dimension);
    }
}
