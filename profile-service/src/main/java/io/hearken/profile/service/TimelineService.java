package io.hearken.profile.service;

import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityHash;
import io.hearken.profile.domain.RecordTouchpoint;
import io.hearken.profile.domain.Touchpoint;
import io.hearken.profile.repository.ErasureRepository;
import io.hearken.profile.repository.ProfileRepository;
import io.hearken.profile.repository.TouchpointRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Puts touchpoints on their customer's timeline, once per source event, and keeps the computed traits current in
 * the same transaction. A touchpoint of an erased customer that happened before the erasure (a late event) is
 * dropped, so an erased customer is not re-created.
 */
@ApplicationScoped
public class TimelineService {

    /** What recording did. */
    public enum Outcome { RECORDED, ALREADY_RECORDED, ANONYMOUS, ERASED_CUSTOMER }

    private final IdentityResolver resolver;
    private final TouchpointRepository touchpoints;
    private final ProfileRepository profiles;
    private final ErasureRepository erasures;

    public TimelineService(IdentityResolver resolver, TouchpointRepository touchpoints, ProfileRepository profiles,
                           ErasureRepository erasures) {
        this.resolver = resolver;
        this.touchpoints = touchpoints;
        this.profiles = profiles;
        this.erasures = erasures;
    }

    /** Records one touchpoint in its own transaction, run again if a concurrent change got there first. */
    public Uni<Outcome> record(RecordTouchpoint command) {
        if (command.claim().isEmpty()) {
            return Uni.createFrom().item(Outcome.ANONYMOUS);
        }
        return Conflicts.inTransaction(() -> recordInTransaction(command));
    }

    private Uni<Outcome> recordInTransaction(RecordTouchpoint command) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> hashes = command.claim().identities().stream()
                .map((Identity identity) -> IdentityHash.of(command.tenant(), identity)).toList();
        return touchpoints.existsForEvent(command.tenant(), command.sourceEventId()).chain(recorded -> {
            if (recorded) {
                return Uni.createFrom().item(Outcome.ALREADY_RECORDED);
            }
            return erasures.erasedAt(command.tenant(), hashes).chain(erasedAt -> {
                Instant occurred = command.occurredAt() == null ? now : command.occurredAt();
                if (erasedAt.isPresent() && !occurred.isAfter(erasedAt.get())) {
                    return Uni.createFrom().item(Outcome.ERASED_CUSTOMER);
                }
                return resolver.resolve(command.tenant(), command.claim(), now)
                        .chain(profileId -> touchpoints.persist(command.toTouchpoint(profileId, now))
                                .chain(touchpoint -> command.isResponse()
                                        ? profiles.countResponse(profileId, command.score(), command.csat(),
                                        command.channel(), touchpoint.occurredAt, now)
                                        : profiles.countContact(profileId, command.channel(), touchpoint.occurredAt,
                                        now)))
                        .replaceWith(Outcome.RECORDED);
            });
        });
    }

    /** Moves an invitation's touchpoint to its latest status ({@code invitation.sent}, {@code .opened}, ...). */
    public Uni<Integer> updateInvitation(String tenant, String sourceEventId, String status, Instant at) {
        String kind = "invitation." + status.toLowerCase(Locale.ROOT);
        return Conflicts.inTransaction(() -> touchpoints.update(
                "kind = ?1, occurredAt = ?2 where tenant = ?3 and sourceEventId = ?4 and kind <> ?1",
                kind, at, tenant, sourceEventId));
    }

    /** The touchpoint kinds that count as a contact for the frequency cap. */
    public static final List<String> CONTACTED = List.of(Touchpoint.INVITATION, "invitation.opened",
            "invitation.started", "invitation.completed");
}
