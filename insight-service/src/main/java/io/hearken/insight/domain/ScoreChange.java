package io.hearken.insight.domain;

/**
 * A score now and in the previous period of the same length, the change in points and whether it is more than the
 * margins allow ({@link Scores#significantChange}: a two-sided two-sample z-test at 95 %).
 */
public record ScoreChange(String name, ScoreEstimate current, ScoreEstimate previous, double change,
                          boolean significant) {

    public static ScoreChange between(String name, ScoreEstimate current, ScoreEstimate previous) {
        double change = current.count() == 0 || previous == null || previous.count() == 0
                ? Double.NaN : current.value() - previous.value();
        boolean significant = previous != null && Scores.significantChange(previous, current);
        return new ScoreChange(name, current, previous, change, significant);
    }
}
