package io.hearken.insight.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One counter of the rollups: answers of {@code value} (a scale point, an option id, or {@link #RESPONDENTS} for the
 * number who answered a choice question) to one question of one survey, in one time bucket, in the slice of all
 * responses ({@code sliced} false, every dimension {@link Slice#ALL}) or of one combination of dimension values.
 */
public record RollupKey(String tenant, String surveyId, Question question, Grain grain, LocalDate bucket,
                        boolean sliced, List<String> dimensionValues, String value) {

    /** The value under which a choice question counts its respondents, the denominator of its option shares. */
    public static final String RESPONDENTS = "";
}
