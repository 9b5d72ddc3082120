package io.hearken.insight.domain;

/**
 * Where a follow-up case is in its lifecycle, and the one table of the moves between them:
 *
 * <pre>
 * from \ to   OPEN  ASSIGNED          RESOLVED
 * OPEN        -     yes (assign)      yes (triage, e.g. NOT_ACTIONABLE)
 * ASSIGNED    no    yes (reassign)    yes
 * RESOLVED    no    no                no  (final)
 * </pre>
 *
 * OPEN → RESOLVED is allowed because much triage needs no owner (spam, a test answer). There is no way back to OPEN:
 * a case changes hands by reassignment, never by sitting unowned again. RESOLVED is final, with no reopen: when the
 * customer is unhappy again, their next answer raises a new alert and a new case, which keeps each case's outcome
 * and recovery measurement about one episode.
 */
public enum CaseStatus {
    OPEN, ASSIGNED, RESOLVED;

    public boolean allowsMoveTo(CaseStatus target) {
        return switch (this) {
            case OPEN -> target == ASSIGNED || target == RESOLVED;
            case ASSIGNED -> target == ASSIGNED || target == RESOLVED;
            case RESOLVED -> false;
        };
    }
}
