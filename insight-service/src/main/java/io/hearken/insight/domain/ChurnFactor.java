package io.hearken.insight.domain;

/** The signals that add to a customer's churn risk, in the order reasons are listed. */
public enum ChurnFactor {
    DETRACTOR, NEGATIVE_SENTIMENT, FALLING_SCORE, UNRESOLVED_CASES
}
