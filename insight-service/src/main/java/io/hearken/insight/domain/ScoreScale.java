package io.hearken.insight.domain;

/**
 * The answer scales a single score can be on, with their bounds. Higher is better on every one of them (for CES, the
 * answer is agreement that the task was easy), which the recovery rule and the score-drop rule rely on.
 */
public enum ScoreScale {
    NPS(0, 10), CSAT(1, 5), CES(1, 7);

    private final int min;
    private final int max;

    ScoreScale(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
