package io.hearken.common.events;

import java.time.Instant;
import java.util.List;

/**
 * Data of a {@code hearken.response.attributed.v1} CloudEvent on {@link Topics#PROFILES}, keyed by profile id:
 * profile-service put a response on a customer's timeline, and the customer was then in {@code segments} (ids of
 * the tenant's saved segments, possibly none). Decided once, when the response was recorded, so a consumer that
 * replays the topic reads the same membership and never evaluates a rule itself. Thin: no identity, no answers.
 *
 * @param eventId    also the CloudEvent id; derived from the tenant and the response id, so recording the same
 *                   response again announces the same event
 * @param occurredAt when the response was submitted
 */
public record ResponseAttributed(String eventId, String tenant, String responseId, String surveyId, String profileId,
                                 List<String> segments, Instant occurredAt) {
}
