package io.hearken.survey.domain;

import java.util.List;
import java.util.Map;

/**
 * Branching and skip logic: a page or question is shown only when its condition holds for the answers given before
 * it. A condition is either a comparison ({@code question}, {@code operator}, {@code value}) or a combination:
 * {@code all} (AND) or {@code any} (OR) of conditions, nested up to {@link #MAX_DEPTH} levels.
 */
public record Condition(List<Condition> all, List<Condition> any, String question, Operator operator, Object value) {

    static final int MAX_DEPTH = 5;

    public static Condition when(String question, Operator operator, Object value) {
        return new Condition(null, null, question, operator, value);
    }

    public static Condition allOf(Condition... conditions) {
        return new Condition(List.of(conditions), null, null, null, null);
    }

    public static Condition anyOf(Condition... conditions) {
        return new Condition(null, List.of(conditions), null, null, null);
    }

    /** Whether the condition holds for the answers given so far, keyed by question id. */
    boolean holds(Map<String, Answer> answers) {
        if (all != null) {
            return all.stream().allMatch(condition -> condition.holds(answers));
        }
        if (any != null) {
            return any.stream().anyMatch(condition -> condition.holds(answers));
        }
        return operator.holds(answers.get(question), value);
    }

    /**
     * Adds to {@code problems} what makes the condition unusable: not exactly one form, a question that is not
     * asked before it ({@code askedBefore}), an operator that does not suit the question's kind, or a value of the
     * wrong shape.
     */
    void check(String field, Map<String, Question> askedBefore, Problems problems) {
        check(field, askedBefore, problems, 1);
    }

    private void check(String field, Map<String, Question> askedBefore, Problems problems, int depth) {
        int forms = (all != null ? 1 : 0) + (any != null ? 1 : 0) + (question != null ? 1 : 0);
        if (forms != 1) {
            problems.add(field, "must have exactly one of 'all', 'any' or 'question'");
            return;
        }
        if (depth > MAX_DEPTH) {
            problems.add(field, "nests deeper than " + MAX_DEPTH + " levels");
            return;
        }
        List<Condition> parts = all != null ? all : any;
        if (parts != null) {
            String name = all != null ? "all" : "any";
            if (parts.isEmpty()) {
                problems.add(field + "." + name, "must list at least one condition");
            }
            for (int index = 0; index < parts.size(); index++) {
                Condition part = parts.get(index);
                String at = field + "." + name + "[" + index + "]";
                if (part == null) {
                    problems.add(at, "must not be null");
                } else {
                    part.check(at, askedBefore, problems, depth + 1);
                }
            }
            return;
        }
        Question compared = askedBefore.get(question);
        if (compared == null) {
            problems.add(field + ".question", "'" + question + "' is not a question asked before this point");
            return;
        }
        if (operator == null) {
            problems.add(field + ".operator", "must be one of " + List.of(Operator.values()));
            return;
        }
        String problem = valueProblem(compared);
        if (problem != null) {
            problems.add(field + ".value", problem);
        }
    }

    private String valueProblem(Question compared) {
        if (!operator.takesValue()) {
            return value == null ? null : "must be absent for " + operator;
        }
        if (value == null) {
            return "is required for " + operator;
        }
        QuestionType type = compared.type();
        if (operator.orders()) {
            if (type.isScale()) {
                return AnswerRule.isWholeNumber(value) ? null : "must be a whole number to compare a score";
            }
            if (type == QuestionType.DATE) {
                return value instanceof String ? null : "must be a date yyyy-mm-dd";
            }
            return operator + " compares scores and dates only, not " + type;
        }
        if (operator == Operator.CONTAINS) {
            boolean picks = type == QuestionType.MULTIPLE_CHOICE || type == QuestionType.SINGLE_CHOICE
                    || type == QuestionType.RANKING;
            return picks && value instanceof String ? null : "CONTAINS takes an option id of a choice question";
        }
        if (operator == Operator.ANY_OF) {
            return value instanceof List<?> list && !list.isEmpty() ? null : "must be a non-empty list for ANY_OF";
        }
        return value instanceof Map || value instanceof List ? "must be a single value for " + operator : null;
    }
}
