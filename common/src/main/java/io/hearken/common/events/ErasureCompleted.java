package io.hearken.common.events;

import java.time.Instant;

/**
 * Data of a {@code hearken.profile.erasure.completed.v1} CloudEvent on {@link Topics#PROFILES}, keyed by profile
 * id: {@code service} has applied erasure {@code erasureId} and removed or anonymised {@code itemsErased} items
 * (0 is an answer: nothing of that customer was held). A service may send it more than once; the first counts.
 */
public record ErasureCompleted(String erasureId, String tenant, String profileId, String service, long itemsErased,
                               Instant completedAt) {

    /**
     * The receipt as an event to append: keyed by profile id, with one event id per erasure and service
     * ({@code <erasureId>:<service>}), so a receipt sent again after a crash or a rebuild is recognisably the same.
     */
    public static EventAppender.Event receipt(String erasureId, String tenant, String profileId, String service,
                                              long itemsErased, Instant at) {
        return new EventAppender.Event(Topics.PROFILES, profileId, erasureId + ":" + service,
                EventTypes.PROFILE_ERASURE_COMPLETED, profileId, tenant, at,
                new ErasureCompleted(erasureId, tenant, profileId, service, itemsErased, at));
    }
}
