package io.hearken.insight.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * How and when a case was closed: the outcome, the root cause (a code such as {@code billing.double-charge} or a
 * sentence; the tenant decides which) and who closed it.
 */
public record CaseResolution(CaseOutcome outcome, String rootCause, String resolvedBy, Instant resolvedAt) {

    public static final int MAX_ROOT_CAUSE_LENGTH = 2_000;

    public CaseResolution {
        if (outcome == null) {
            throw new DomainRuleException("outcome",
                    "a case is resolved with an outcome: RECOVERED, NOT_RECOVERED, NO_RESPONSE or NOT_ACTIONABLE");
        }
        if (rootCause == null || rootCause.isBlank()) {
            throw new DomainRuleException("rootCause", "a case is resolved with its root cause, a code or a text");
        }
        if (rootCause.length() > MAX_ROOT_CAUSE_LENGTH) {
            throw new DomainRuleException("rootCause", "a root cause is at most " + MAX_ROOT_CAUSE_LENGTH
                    + " characters");
        }
        if (resolvedBy == null || resolvedBy.isBlank()) {
            throw new DomainRuleException("resolvedBy", "a case is resolved by someone");
        }
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
}
