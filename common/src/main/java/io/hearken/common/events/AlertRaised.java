package io.hearken.common.events;

import java.time.Instant;

/**
 * Data of a {@code hearken.alert.raised.v1} CloudEvent on {@link Topics#ALERTS}, keyed by case id: a tenant's alert
 * rule fired on a response, raising alert {@code alertId} and opening follow-up case {@code caseId}, due by
 * {@code slaDeadline}. The event id is the alert id, which derives from the rule and the source event, so an alert
 * announced again (after a crash between storing and announcing it) is recognisably the same: consumers dedupe by id.
 *
 * @param type     the rule type (DETRACTOR, LOW_CSAT, NEGATIVE_SENTIMENT, KEYWORD, SCORE_DROP)
 * @param priority the alert's priority (LOW, MEDIUM, HIGH, URGENT)
 * @param evidence what fired it: the score ({@code nps=3}), the keyword found
 */
public record AlertRaised(String alertId, String caseId, String tenant, String ruleId, String ruleName, String type,
                          String priority, String surveyId, String responseId, String profileId, String customerId,
                          String reason, String evidence, Instant raisedAt, Instant slaDeadline) {

    /** The announcement as an event to append: keyed by case id, event id = alert id, subject = case id. */
    public EventAppender.Event announcement() {
        return new EventAppender.Event(Topics.ALERTS, caseId, alertId, EventTypes.ALERT_RAISED, caseId, tenant,
                raisedAt, this);
    }
}
