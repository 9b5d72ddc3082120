package io.hearken.common.events;

import java.time.Instant;

/**
 * Data of a {@code hearken.case.resolved.v1} CloudEvent on {@link Topics#ALERTS}, keyed by case id: someone closed
 * the loop on follow-up case {@code caseId} (opened by alert {@code alertId}, see {@link AlertRaised}) with an
 * outcome and a root cause. A case is resolved once, so the event id derives from the case id alone
 * ({@link #eventIdFor}): an announcement repeated after a crash is recognisably the same event.
 *
 * @param customer   the customer as the triggering response named them; null when it named nobody or they were erased
 * @param outcome    RECOVERED, NOT_RECOVERED, NO_RESPONSE or NOT_ACTIONABLE
 * @param rootCause  a code ({@code billing.double-charge}) or a sentence, as the tenant writes them
 * @param resolvedBy who resolved it (the caller's subject)
 */
public record CaseResolved(String caseId, String alertId, String tenant, String ruleName, String priority,
                           String responseId, CustomerIdentities customer, String outcome, String rootCause,
                           String resolvedBy, Instant resolvedAt) {

    /** The stable event id of a case's resolution. */
    public static String eventIdFor(String caseId) {
        return "case-resolved:" + caseId;
    }

    /** The announcement as an event to append: keyed by case id, subject = case id. */
    public EventAppender.Event announcement() {
        return new EventAppender.Event(Topics.ALERTS, caseId, eventIdFor(caseId), EventTypes.CASE_RESOLVED, caseId,
                tenant, resolvedAt, this);
    }
}
