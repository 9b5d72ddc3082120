package io.hearken.insight.domain;

import java.util.Objects;

/**
 * What is wrong with a definition and where: the field at fault (as the API names it, e.g. {@code keywords},
 * {@code threshold}, {@code status}) and a sentence for a person. It becomes one entry of an RFC 9457 problem.
 */
public record FieldViolation(String field, String reason) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
