package io.hearken.common.events;

import java.time.Instant;

/**
 * Data of a {@code hearken.profile.merged.v1} CloudEvent on {@link Topics#PROFILES}, keyed by the merged profile's
 * id: {@code mergedId} is now part of {@code survivorId} (identities, timeline, traits and consent moved there) and
 * answers with a redirect to it. {@code reason} says what proved them one customer: {@code verified-identity} (an
 * event or call from a trusted source named identities of both) or {@code operator} (an admin merged them).
 */
public record ProfileMerged(String mergeId, String tenant, String survivorId, String mergedId, String reason,
                            Instant mergedAt) {
}
