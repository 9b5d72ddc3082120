package io.hearken.common.events;

import java.time.Instant;
import java.util.List;

/**
 * Data of a {@code hearken.profile.changed.v1} CloudEvent on {@link Topics#PROFILES}, keyed by profile id: a thin
 * notice that a profile was {@code created} or its {@code identities}, {@code traits} or {@code consent} changed
 * ({@code changes} lists which). It carries no personal values: a consumer that needs them asks profile-service.
 */
public record ProfileChanged(String eventId, String tenant, String profileId, List<String> changes,
                             Instant changedAt) {
}
