package io.hearken.insight.domain;

/**
 * A case asked to move where its lifecycle does not go (e.g. RESOLVED → ASSIGNED). It names the transition and the
 * field {@code status}, for a 409 problem.
 */
public class CaseTransitionException extends DomainRuleException {

    private final CaseStatus from;
    private final CaseStatus to;

    public CaseTransitionException(CaseStatus from, CaseStatus to, String why) {
        super("status", from + " → " + to + " is not allowed: " + why);
        this.from = from;
        this.to = to;
    }

    public CaseStatus from() {
        return from;
    }

    public CaseStatus to() {
        return to;
    }
}
