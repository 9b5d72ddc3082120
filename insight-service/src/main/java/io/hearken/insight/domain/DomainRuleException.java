package io.hearken.insight.domain;

/**
 * A command the domain refuses because of one field: a resolution without an outcome, a blank note, an assignee
 * missing. The REST layer turns it into a 400 problem naming {@link #violation()}'s field.
 */
public class DomainRuleException extends RuntimeException {

    private final FieldViolation violation;

    public DomainRuleException(String field, String reason) {
        super(field + ": " + reason);
        this.violation = new FieldViolation(field, reason);
    }

    public FieldViolation violation() {
        return violation;
    }

    public String field() {
        return violation.field();
    }
}
