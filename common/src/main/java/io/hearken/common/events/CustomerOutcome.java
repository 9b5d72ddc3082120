package io.hearken.common.events;

import java.time.Instant;
import java.util.Set;

/**
 * Data of a {@code hearken.customer.outcome.v1} CloudEvent on {@link Topics#PROFILES}, keyed by profile id: a
 * partner recorded a business outcome on a customer's timeline ({@code outcome}: {@code purchase}, {@code renewal} or
 * {@code cancellation}), with the last NPS the customer gave before it ({@code lastNps}, {@code lastNpsAt}; null when
 * none), so outcomes can be read by NPS group. Thin like the other profile events: no identity, only the profile id.
 *
 * @param eventId     also the CloudEvent id; the same for the same partner event recorded again
 * @param journeyStage the stage the partner gave, or null
 */
public record CustomerOutcome(String eventId, String tenant, String profileId, String outcome, Instant occurredAt,
                              String journeyStage, Integer lastNps, Instant lastNpsAt) {

    /** The journey-event types that are outcomes. */
    public static final Set<String> OUTCOMES = Set.of("purchase", "renewal", "cancellation");

    public static boolean isOutcome(String type) {
        return OUTCOMES.contains(type);
    }
}
