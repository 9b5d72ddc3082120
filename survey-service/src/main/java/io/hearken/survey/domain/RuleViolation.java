package io.hearken.survey.domain;

import java.util.List;

/**
 * A command the domain refuses: either fields that break a rule ({@link #violations()}), or a survey in a state that
 * takes no such command ({@link #conflict()}). The service turns it into the caller's problem.
 */
public class RuleViolation extends RuntimeException {

    private final List<FieldViolation> violations;
    private final boolean conflict;

    private RuleViolation(String message, List<FieldViolation> violations, boolean conflict) {
        super(message);
        this.violations = List.copyOf(violations);
        this.conflict = conflict;
    }

    public static RuleViolation invalid(List<FieldViolation> violations) {
        return new RuleViolation(violations.size() + " invalid field(s)", violations, false);
    }

    public static RuleViolation conflict(String message) {
        return new RuleViolation(message, List.of(), true);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public boolean conflict() {
        return conflict;
    }
}
