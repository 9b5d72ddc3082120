package io.hearken.insight.domain;

import java.util.Objects;

/**
 * One customer's answer on one scale, e.g. NPS 3. It is what triggered a case and what the customer answered next,
 * and the home of the recovery rule ({@link #isRecoveryFrom}).
 */
public record ScaleScore(ScoreScale scale, int value) {

    /** On NPS, a rise of this many points counts as recovery even within a group (3 → 5). */
    public static final int NPS_RECOVERY_POINTS = 2;

    public ScaleScore {
        Objects.requireNonNull(scale, "scale");
        if (!scale.contains(value)) {
            throw new IllegalArgumentException(scale + " is " + scale.min() + ".." + scale.max() + ", was " + value);
        }
    }

    public static ScaleScore nps(int value) {
        return new ScaleScore(ScoreScale.NPS, value);
    }

    public static ScaleScore csat(int value) {
        return new ScaleScore(ScoreScale.CSAT, value);
    }

    public static ScaleScore ces(int value) {
        return new ScaleScore(ScoreScale.CES, value);
    }

    /**
     * Whether this later answer shows the customer recovered from {@code earlier}. On NPS a single point inside a
     * group is noise (a 4 after a 3 is still an unhappy customer), so it takes moving up a group (6 → 7, 8 → 9) or at
     * least {@value #NPS_RECOVERY_POINTS} points; on the short CSAT and CES scales every point is a different answer,
     * so any higher score counts.
     */
    public boolean isRecoveryFrom(ScaleScore earlier) {
        if (earlier.scale != scale) {
            throw new IllegalArgumentException("a " + scale + " answer cannot be compared with a " + earlier.scale);
        }
        if (scale == ScoreScale.NPS) {
            boolean upAGroup = NpsScore.groupOf(value).ordinal() < NpsScore.groupOf(earlier.value).ordinal();
            return upAGroup || value - earlier.value >= NPS_RECOVERY_POINTS;
        }
        return value > earlier.value;
    }

    @Override
    public String toString() {
        return scale + " " + value;
    }
}
