package io.hearken.insight.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One counter of the rollups: answers of {@code value} (a scale point, an option id, or {@link #RESPONDENTS} for the
 * number who answered a choice question) to one question of one survey, in one time bucket, in the slice of all
 * responses ({@code sliced} false, every dimension {@link Slice#ALL}) or of one combination of dimension values,
 * among every respondent ({@code segment} {@link Slice#ALL}) or those who were in one of profile-service's segments.
 */
public record RollupKey(String tenant, String surveyId, Question question, Grain grain, LocalDate bucket,
                        boolean sliced, String segment, List<String> dimensionValues, String value) {

    /** The value under which a choice question counts its respondents, the denominator of its option shares. */
    public static final String RESPONDENTS = "";

    /** A counter among every respondent. */
    public RollupKey(String tenant, String surveyId, Question question, Grain grain, LocalDate bucket,
                     boolean sliced, List<String> dimensionValues, String value) {
        this(tenant, surveyId, question, grain, bucket, sliced, Slice.ALL, dimensionValues, value);
    }

    /** The same counter for another value. */
    public RollupKey withValue(String other) {
        return new RollupKey(tenant, surveyId, question, grain, bucket, sliced, segment, dimensionValues, other);
    }
}
