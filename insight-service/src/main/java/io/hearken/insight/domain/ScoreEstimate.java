package io.hearken.insight.domain;

/**
 * A score with its 95 % margin of error: the interval {@code value ± marginOfError} covers the population's score in
 * 95 of 100 samples, under the normal approximation. {@code smallSample} is set below {@link #SMALL_SAMPLE}
 * answers, where that approximation is rough and a CX team should not act on a change.
 */
public record ScoreEstimate(double value, double marginOfError, long count, boolean smallSample) {

    /** Below this many answers a score is flagged: the margins are wide and the normal approximation weak. */
    public static final int SMALL_SAMPLE = 30;
    /** The two-sided 95 % quantile of the standard normal distribution. */
    static final double Z_95 = 1.959964;

    static ScoreEstimate of(double value, double standardError, long count) {
        double margin = Double.isNaN(standardError) ? Double.NaN : Z_95 * standardError;
        return new ScoreEstimate(value, margin, count, count < SMALL_SAMPLE);
    }
}
