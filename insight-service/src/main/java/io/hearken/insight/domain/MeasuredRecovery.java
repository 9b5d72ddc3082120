package io.hearken.insight.domain;

/**
 * Whether the customer's next answer after a case was resolved shows recovery (the rule is
 * {@link ScaleScore#isRecoveryFrom}), or why that cannot be said.
 */
public enum MeasuredRecovery {
    RECOVERED,
    NOT_RECOVERED,
    /** The case had no triggering score (sentiment, keyword), or the answer is on another scale or not later. */
    NOT_MEASURABLE
}
