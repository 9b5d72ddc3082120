package io.hearken.insight.domain;

/**
 * The five kinds of alert rule. The first four look at one response or feedback item ({@link ResponseSignals});
 * {@link #SCORE_DROP} compares a score between two consecutive periods ({@link ScorePeriodComparison}).
 */
public enum AlertRuleType {
    /** An NPS answer of 0–6. */
    DETRACTOR,
    /** A CSAT answer (1–5) at or below the threshold, 2 unless set. */
    LOW_CSAT,
    /** A sentiment score (−1..1) at or below the threshold, −0.3 unless set. */
    NEGATIVE_SENTIMENT,
    /** One of the keywords in the response's texts, in any language. */
    KEYWORD,
    /** A score lower than in the period before, by more than the margins of error explain. */
    SCORE_DROP;

    public boolean isPerResponse() {
        return this != SCORE_DROP;
    }
}
