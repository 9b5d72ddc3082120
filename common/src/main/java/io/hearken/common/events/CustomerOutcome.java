package io.hearken.common.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Data of a {@code hearken.customer.outcome.v1} CloudEvent on {@link Topics#PROFILES}, keyed by profile id: a
 * partner recorded a business outcome on a customer's timeline ({@code outcome}: {@code purchase}, {@code renewal} or
 * {@code cancellation}), with the last NPS the customer gave before it ({@code lastNps}, {@code lastNpsAt}; null when
 * none), so outcomes can be read by NPS group. Thin like the other profile events: no identity, only the profile id.
 *
 * @param eventId     also the CloudEvent id; the same for the same partner event recorded again
 * @param journeyStage the stage the partner gave, or null
 * @param segments     the tenant's saved segments the customer was in when the outcome was recorded; absent in
 *                     events written before segments were announced, which read as none
 */
public record CustomerOutcome(String eventId, String tenant, String profileId, String outcome, Instant occurredAt,
                              String journeyStage, Integer lastNps, Instant lastNpsAt, List<String> segments) {

    /** The journey-event types that are outcomes. */
    public static final Set<String> OUTCOMES = Set.of("purchase", "renewal", "cancellation");

    /** The segments the customer was in; none when the event predates them. */
    public List<String> segmentsOrNone() {
        return segments == null ? List.of() : segments;
    }

    public static boolean isOutcome(String type) {
        return OUTCOMES.contains(type);
    }
}
