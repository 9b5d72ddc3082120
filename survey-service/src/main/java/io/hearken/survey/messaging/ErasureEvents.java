package io.hearken.survey.messaging;

import io.hearken.common.events.ErasureCompleted;
import io.hearken.common.events.EventAppender;
import io.hearken.common.events.ProfileErased;
import io.hearken.survey.domain.Erasure;

import java.time.Instant;

/** Maps {@code hearken.profile.erased.v1} to an {@link Erasure} and an applied erasure to its receipt. */
final class ErasureEvents {

    /** The service name a receipt carries, and the suffix of its event id. */
    static final String SERVICE = "survey-service";

    private ErasureEvents() {
    }

    static Erasure fromEvent(ProfileErased event) {
        return new Erasure(event.erasureId(), event.tenant(), event.profileId(), event.identities().stream()
                .map(identity -> new Erasure.Identity(identity.kind(), identity.value()))
                .toList(), event.erasedAt());
    }

    /**
     * The receipt for {@code erasure}: one event id per erasure and service, so a receipt sent again (after a crash
     * or a rebuild) is recognisably the same one.
     */
    static EventAppender.Event receipt(Erasure erasure, long itemsErased, Instant at) {
        return ErasureCompleted.receipt(erasure.id(), erasure.tenant(), erasure.profileId(), SERVICE, itemsErased, at);
    }
}
