package io.hearken.survey.domain;

import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * How a branching condition compares an earlier answer with a value. A question left unanswered meets only
 * {@link #NOT_ANSWERED}: every comparison with nothing is false, {@code NOT_EQUALS} included.
 */
public enum Operator {
    /** The answer is the value: a score, a text, a date, a yes/no, or the one option picked. */
    EQUALS,
    /** The answer is something other than the value. */
    NOT_EQUALS,
    /** Scores and dates: strictly below the value. */
    LESS_THAN,
    /** Scores and dates: at or below the value. */
    AT_MOST,
    /** Scores and dates: strictly above the value. */
    GREATER_THAN,
    /** Scores and dates: at or above the value. */
    AT_LEAST,
    /** The value is a list; the answer (or one of the options picked) is in it. */
    ANY_OF,
    /** Choices and ranking: the option given as value was picked. */
    CONTAINS,
    /** The question was answered. */
    ANSWERED,
    /** The question was not answered (hidden or skipped). */
    NOT_ANSWERED;

    /** Whether this operator needs a value to compare with. */
    boolean takesValue() {
        return this != ANSWERED && this != NOT_ANSWERED;
    }

    /** Whether this operator orders values, which only scores and dates have. */
    boolean orders() {
        return this == LESS_THAN || this == AT_MOST || this == GREATER_THAN || this == AT_LEAST;
    }

    /** Whether {@code answer} (null when unanswered) meets this operator with {@code value}. */
    boolean holds(Answer answer, Object value) {
        if (this == ANSWERED || this == NOT_ANSWERED) {
            return (answer != null) == (this == ANSWERED);
        }
        if (answer == null) {
            return false;
        }
        Object given = answer.comparable();
        return switch (this) {
            case EQUALS -> same(given, value);
            case NOT_EQUALS -> !same(given, value);
            case LESS_THAN -> ordered(given, value, order -> order < 0);
            case AT_MOST -> ordered(given, value, order -> order <= 0);
            case GREATER_THAN -> ordered(given, value, order -> order > 0);
            case AT_LEAST -> ordered(given, value, order -> order >= 0);
            case ANY_OF -> value instanceof List<?> candidates && candidates.stream()
                    .anyMatch(candidate -> given instanceof List<?> picked
                            ? picked.contains(candidate) : same(given, candidate));
            case CONTAINS -> given instanceof List<?> picked && picked.contains(value);
            default -> false;
        };
    }

    private static boolean same(Object given, Object value) {
        if (given instanceof Number number && value instanceof Number other) {
            return number.longValue() == other.longValue();
        }
        if (given instanceof List<?> picked && value instanceof String option) {
            return picked.size() == 1 && picked.get(0).equals(option);
        }
        return Objects.equals(given, value);
    }

    /** Orders scores as numbers and dates as their ISO text; anything else never meets an ordering. */
    private static boolean ordered(Object given, Object value, IntPredicate meets) {
        if (given instanceof Number number && value instanceof Number other) {
            return meets.test(Long.compare(number.longValue(), other.longValue()));
        }
        if (given instanceof String date && value instanceof String other) {
            return meets.test(date.compareTo(other));
        }
        return false;
    }
}
