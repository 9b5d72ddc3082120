package io.hearken.insight.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One score in two consecutive periods of one slice, what a SCORE_DROP rule looks at. Its {@link #sourceId()} names
 * the comparison, so evaluating the same period again (a rerun, a redelivered rollup) raises the same alert.
 *
 * @param tenant        the tenant
 * @param surveyId      the survey the score is about; null for the tenant's responses to all surveys
 * @param score         which score
 * @param period        the length of each period
 * @param currentStart  when the current (later) period began
 * @param previous      the score in the period before
 * @param current       the score in the current period
 */
public record ScorePeriodComparison(String tenant, String surveyId, ScoreMeasure score, ScorePeriod period,
                                    Instant currentStart, ScoreEstimate previous, ScoreEstimate current) {

    public ScorePeriodComparison {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(currentStart, "currentStart");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }

    /** {@code score-drop/NPS/WEEK/<survey or *>/<current start>}. */
    public String sourceId() {
        return "score-drop/" + score + "/" + period + "/" + (surveyId == null ? "*" : surveyId) + "/" + currentStart;
    }
}
