package io.hearken.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of a {@code hearken.customer.churn-risk.v1} CloudEvent on {@link Topics#ALERTS}, keyed by the customer key
 * (the tenant's customer id, else the normalised email): insight-service assessed a customer's churn risk again and
 * the score or the band changed. The reasons' points add up to the score, so a reader sees why, not only how much.
 * The event id derives from the customer and the event that triggered the assessment ({@link #eventIdFor}); a
 * consumer keeps the assessment with the latest {@code assessedAt}.
 *
 * @param score   0–100
 * @param band    LOW (below 30), MEDIUM (below 60) or HIGH
 * @param reasons what the score is made of, in the model's order
 */
public record ChurnRiskAssessed(String tenant, String customerKey, CustomerIdentities customer, int score,
                                String band, List<Reason> reasons, Instant assessedAt) {

    /** One signal's share of the score: the factor, in words, and its points. */
    public record Reason(String factor, String text, int points) {
    }

    /** A name-based UUID of the tenant, the customer key and the triggering event id. */
    public static String eventIdFor(String tenant, String customerKey, String triggeringEventId) {
        String name = "churn-risk:" + tenant.length() + ":" + tenant + ":" + customerKey.length() + ":" + customerKey
                + ":" + triggeringEventId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The announcement as an event to append: keyed and subject by customer key. */
    public EventAppender.Event announcement(String eventId) {
        return new EventAppender.Event(Topics.ALERTS, customerKey, eventId, EventTypes.CUSTOMER_CHURN_RISK,
                customerKey, tenant, assessedAt, this);
    }
}
