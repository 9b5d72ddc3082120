package io.hearken.insight.domain.text;

/**
 * The polarity class of a text, from its sentiment score in -1..1. A score at or beyond ±{@link #THRESHOLD} is
 * polar: one clearly weighted sentiment word ("good", "遅い", "满意") reaches it, a lone hedge ("ok", "一般") does
 * not, so factual comments and questions stay {@link #NEUTRAL}.
 */
public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    /** The smallest absolute score that is labelled positive or negative. */
    public static final double THRESHOLD = 0.25;

    public static SentimentLabel of(double score) {
        if (score >= THRESHOLD) {
            return POSITIVE;
        }
        if (score <= -THRESHOLD) {
            return NEGATIVE;
        }
        return NEUTRAL;
    }
}
