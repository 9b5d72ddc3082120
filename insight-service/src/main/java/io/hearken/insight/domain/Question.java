package io.hearken.insight.domain;

import java.util.Set;

/**
 * A question as its answers are counted: its id, its type and, for a scale, the scale's bounds (0 and 0 for choices).
 * A question whose scale changed between survey versions is two questions here, since tallies of different scales do
 * not add up.
 */
public record Question(String questionId, String type, int scaleMin, int scaleMax) {

    private static final Set<String> SCALES = Set.of("NPS", "CSAT", "CES", "RATING", "MATRIX");
    private static final Set<String> CHOICES = Set.of("SINGLE_CHOICE", "MULTIPLE_CHOICE");

    public static boolean isScale(String type) {
        return SCALES.contains(type);
    }

    public static boolean isChoice(String type) {
        return CHOICES.contains(type);
    }

    public boolean isScale() {
        return isScale(type);
    }

    public Scale scale() {
        return new Scale(scaleMin, scaleMax);
    }

    /** A scale's bounds. */
    public record Scale(int min, int max) {
    }
}
