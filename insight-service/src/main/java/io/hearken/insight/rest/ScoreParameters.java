package io.hearken.insight.rest;

import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.Dimension;
import io.hearken.insight.domain.Granularity;
import io.hearken.insight.domain.Slice;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The query string of a score endpoint, read strictly: a parameter that is not a slice or an option of the endpoint
 * is refused by name rather than ignored (a misspelt {@code chanel=web} would otherwise answer for every channel), a
 * slice given twice or empty is refused, and dates are ISO days.
 */
final class ScoreParameters {

    static final String FROM = "from";
    static final String TO = "to";
    static final String QUESTION = "question";
    static final String GRANULARITY = "granularity";
    static final String LIMIT = "limit";
    /** What a breakdown splits by: a dimension's parameter name or {@link #SEGMENT}. */
    static final String BY = "by";
    /** One of profile-service's segments (its id): only the answers of customers who were in it then. */
    static final String SEGMENT = "segment";
    /** Topics listed when no limit is given, and the most that may be asked for. */
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final MultivaluedMap<String, String> query;

    ScoreParameters(MultivaluedMap<String, String> query, Set<String> options) {
        this(query, options, Set.of(Dimension.values()));
    }

    /** Reads a query where only {@code dimensions} can be sliced by (feedback has no survey version, say). */
    ScoreParameters(MultivaluedMap<String, String> query, Set<String> options, Set<Dimension> dimensions) {
        this.query = query;
        List<Problem.FieldError> problems = new ArrayList<>();
        Set<String> allowed = new TreeSet<>(options);
        dimensions.stream().map(Dimension::parameterName).forEach(allowed::add);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!allowed.contains(parameter.getKey())) {
                problems.add(new Problem.FieldError(parameter.getKey(), "is not a slice or option here; use "
                        + String.join(", ", allowed)));
            } else if (parameter.getValue().size() > 1) {
                problems.add(new Problem.FieldError(parameter.getKey(), "is given more than once"));
            } else if (parameter.getValue().get(0) == null || parameter.getValue().get(0).isBlank()) {
                problems.add(new Problem.FieldError(parameter.getKey(), "is empty"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
    }

    Slice slice() {
        Map<Dimension, String> values = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            String value = query.getFirst(dimension.parameterName());
            if (value != null) {
                values.put(dimension, value);
            }
        }
        return new Slice(values, segment());
    }

    /**
     * The segment asked for ({@link Slice#ALL} when none): a segment id as profile-service gives it, a UUID. A
     * segment nobody answered in reads as no answers, as a channel nobody used does.
     */
    String segment() {
        String value = query.getFirst(SEGMENT);
        if (value == null) {
            return Slice.ALL;
        }
        String canonical = value.toLowerCase(Locale.ROOT);
        if (!canonical.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw ProblemException.invalidField(SEGMENT, "is a segment id (a UUID, from profile-service), not "
                    + value);
        }
        return canonical;
    }

    /** What a breakdown splits by: a dimension, or empty for profile-service's segments. */
    Optional<Dimension> breakdownBy() {
        String value = query.getFirst(BY);
        if (SEGMENT.equals(value)) {
            return Optional.empty();
        }
        Dimension dimension = value == null ? null : Dimension.fromParameter(value).orElse(null);
        if (dimension == null) {
            throw ProblemException.invalidField(BY, "is required: one of " + Arrays.stream(Dimension.values())
                    .map(Dimension::parameterName).collect(Collectors.joining(", ")) + " or " + SEGMENT
                    + (value == null ? "" : ", not " + value));
        }
        return Optional.of(dimension);
    }

    /** The days asked, {@code defaultDays} up to today in {@code zone} when not given. */
    DateRange range(ZoneId zone, int defaultDays) {
        LocalDate to = date(TO);
        LocalDate from = date(FROM);
        if (to == null) {
            to = from == null ? LocalDate.now(zone) : from.plusDays(defaultDays - 1);
        }
        if (from == null) {
            from = to.minusDays(defaultDays - 1);
        }
        return new DateRange(from, to);
    }

    String question() {
        return query.getFirst(QUESTION);
    }

    Granularity granularity(Granularity otherwise) {
        String value = query.getFirst(GRANULARITY);
        if (value == null) {
            return otherwise;
        }
        return Granularity.fromParameter(value).orElseThrow(() -> ProblemException.invalidField(GRANULARITY,
                "is one of " + Arrays.stream(Granularity.values()).map(Granularity::parameterName)
                        .collect(Collectors.joining(", ")) + ", not " + value));
    }

    /** How many topics to list: 1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when not given. */
    int limit() {
        String value = query.getFirst(LIMIT);
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, as any other value out of range
        }
        throw ProblemException.invalidField(LIMIT, "is a whole number from 1 to " + MAX_LIMIT + ", not " + value);
    }

    private LocalDate date(String name) {
        String value = query.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "is a day as yyyy-mm-dd, not " + value);
        }
    }
}
