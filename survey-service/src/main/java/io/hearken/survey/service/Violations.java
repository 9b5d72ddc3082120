package io.hearken.survey.service;

import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.RuleViolation;

/** Turns a rule the domain says a command breaks into the problem its caller gets (400 naming fields, or 409). */
final class Violations {

    private Violations() {
    }

    static ProblemException toProblem(RuleViolation violation) {
        if (violation.conflict()) {
            return ProblemException.conflict(violation.getMessage());
        }
        return ProblemException.validation(violation.violations().stream()
                .map(field -> new Problem.FieldError(field.field(), field.message()))
                .toList());
    }
}
