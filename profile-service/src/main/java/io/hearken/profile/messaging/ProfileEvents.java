package io.hearken.profile.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.events.CustomerOutcome;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.ProfileChanged;
import io.hearken.common.events.ProfileErased;
import io.hearken.common.events.ProfileMerged;
import io.hearken.common.events.ResponseAttributed;
import io.hearken.common.events.Topics;
import io.hearken.profile.repository.OutboxRepository.PendingEvent;
import io.hearken.profile.repository.OutboxRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Announces profile changes on {@code hearken.profiles}: each event is written to the outbox in the caller's
 * transaction and appended to Kafka by {@link OutboxRelay} once that transaction has committed.
 */
@ApplicationScoped
public class ProfileEvents {

    private final OutboxRepository outbox;
    private final ObjectMapper json;

    public ProfileEvents(OutboxRepository outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public Uni<Integer> changed(String tenant, UUID profileId, List<String> changes, Instant at) {
        String id = UUID.randomUUID().toString();
        return write(EventTypes.PROFILE_CHANGED, id, tenant, profileId,
                new ProfileChanged(id, tenant, profileId.toString(), changes, at), at);
    }

    public Uni<Integer> merged(ProfileMerged merge) {
        return write(EventTypes.PROFILE_MERGED, merge.mergeId(), merge.tenant(), UUID.fromString(merge.mergedId()),
                merge, merge.mergedAt());
    }

    public Uni<Integer> erased(ProfileErased erasure) {
        return write(EventTypes.PROFILE_ERASED, erasure.erasureId(), erasure.tenant(),
                UUID.fromString(erasure.profileId()), erasure, erasure.erasedAt());
    }

    /** A business outcome recorded on the profile's timeline, with the customer's NPS before it. */
    public Uni<Integer> outcome(CustomerOutcome outcome) {
        return write(EventTypes.CUSTOMER_OUTCOME, outcome.eventId(), outcome.tenant(),
                UUID.fromString(outcome.profileId()), outcome, outcome.occurredAt());
    }

    /** A response put on the profile's timeline, with the segments the customer was in then. */
    public Uni<Integer> attributed(ResponseAttributed attribution) {
        return write(EventTypes.RESPONSE_ATTRIBUTED, attribution.eventId(), attribution.tenant(),
                UUID.fromString(attribution.profileId()), attribution, attribution.occurredAt());
    }

    /** Several attributions, written to the outbox in one statement. */
    public Uni<Integer> attributedAll(List<ResponseAttributed> attributions) {
        List<PendingEvent> pending = new ArrayList<>();
        for (ResponseAttributed attribution : attributions) {
            pending.add(pending(EventTypes.RESPONSE_ATTRIBUTED, attribution.eventId(), attribution.tenant(),
                    UUID.fromString(attribution.profileId()), attribution, attribution.occurredAt()));
        }
        return outbox.addAll(pending);
    }

    /** The identity of the attribution of a tenant's response: the same response is announced under one id. */
    public static String attributionId(String tenant, String responseId) {
        return UUID.nameUUIDFromBytes(("attributed\u0000" + tenant + "\u0000" + responseId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Uni<Integer> write(String type, String id, String tenant, UUID profileId, Object data, Instant at) {
        try {
            return outbox.add(pending(type, id, tenant, profileId, data, at));
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private PendingEvent pending(String type, String id, String tenant, UUID profileId, Object data, Instant at) {
        try {
            // The outbox row's id is the event's id, which Kafka consumers apply once.
            return new PendingEvent(UUID.fromString(id), Topics.PROFILES, profileId.toString(), type,
                    profileId.toString(), tenant, at, json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event is JSON", e);
        }
    }
}
