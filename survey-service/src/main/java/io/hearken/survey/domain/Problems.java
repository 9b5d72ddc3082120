package io.hearken.survey.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every rule a command breaks, each named by the field at fault, so a caller learns all of them at once
 * rather than one per attempt.
 */
final class Problems {

    private final List<FieldViolation> violations = new ArrayList<>();

    void add(String field, String message) {
        violations.add(new FieldViolation(field, message));
    }

    boolean isEmpty() {
        return violations.isEmpty();
    }

    List<FieldViolation> list() {
        return violations;
    }

    /** Throws the {@link RuleViolation} naming every problem found, if there is one. */
    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw RuleViolation.invalid(violations);
        }
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
