package io.hearken.profile.service;

import io.hearken.common.events.CustomerOutcome;
import io.hearken.common.events.ResponseAttributed;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityHash;
import io.hearken.profile.domain.KnownIdentity;
import io.hearken.profile.domain.RecordTouchpoint;
import io.hearken.profile.domain.Resolution;
import io.hearken.profile.domain.Touchpoint;
import io.hearken.profile.domain.Trust;
import io.hearken.profile.messaging.ProfileEvents;
import io.hearken.profile.repository.ErasureRepository;
import io.hearken.profile.repository.ProfileRepository;
import io.hearken.profile.repository.TimelineBatchRepository.ComputedDelta;
import io.hearken.profile.repository.TimelineBatchRepository.TenantIdentity;
import io.hearken.profile.repository.TimelineBatchRepository;
import io.hearken.profile.repository.TouchpointRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
    private final TimelineBatchRepository batches;
    private final ProfileEvents events;
    private final SegmentService segments;

    public TimelineService(IdentityResolver resolver, TouchpointRepository touchpoints, ProfileRepository profiles,
                           ErasureRepository erasures, TimelineBatchRepository batches, ProfileEvents events,
                           SegmentService segments) {
        this.resolver = resolver;
        this.touchpoints = touchpoints;
        this.profiles = profiles;
        this.erasures = erasures;
        this.batches = batches;
        this.events = events;
        this.segments = segments;
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
                        // The computed traits follow the same rule as a batch's, for a batch of one.
                        .chain(profileId -> touchpoints.persist(command.toTouchpoint(profileId, now))
                                .chain(touchpoint -> batches.addToComputed(
                                        List.of(delta(profileId, List.of(touchpoint))), now))
                                .chain(() -> announce(command, profileId, occurred, now)))
                        .replaceWith(Outcome.RECORDED);
            });
        });
    }

    /**
     * A response and a business outcome are announced in the transaction that records them, with the saved segments
     * the customer is in at that moment (after this touchpoint counted), so insight-service can slice scores and
     * outcomes by segment from events alone, and a replay reads the same membership.
     */
    private Uni<Void> announce(RecordTouchpoint command, UUID profileId, Instant occurred, Instant now) {
        if (!command.isResponse() && !CustomerOutcome.isOutcome(command.kind())) {
            return Uni.createFrom().voidItem();
        }
        return segments.membershipsOf(command.tenant(), List.of(profileId), now).chain(members -> {
            List<String> in = members.getOrDefault(profileId, List.of());
            return command.isResponse() ? events.attributed(attribution(command, profileId, in, now)).replaceWithVoid()
                    : announceOutcome(command, profileId, occurred, in);
        });
    }

    private static ResponseAttributed attribution(RecordTouchpoint command, UUID profileId, List<String> segments,
                                                  Instant now) {
        return new ResponseAttributed(ProfileEvents.attributionId(command.tenant(), command.responseId()),
                command.tenant(), command.responseId(), command.surveyId(), profileId.toString(), segments,
                command.occurredAt() == null ? now : command.occurredAt());
    }

    /**
     * A business outcome (a purchase, a renewal, a cancellation) is announced with the NPS the customer last gave
     * before it, so insight-service can read outcomes by NPS group.
     */
    private Uni<Void> announceOutcome(RecordTouchpoint command, UUID profileId, Instant occurred,
                                      List<String> segments) {
        return touchpoints.lastNpsBefore(profileId, occurred).chain(last -> events.outcome(new CustomerOutcome(
                UUID.nameUUIDFromBytes((command.tenant() + "\u0000" + command.sourceEventId())
                        .getBytes(StandardCharsets.UTF_8)).toString(),
                command.tenant(), profileId.toString(), command.kind(), occurred, command.stage(),
                last.map(touchpoint -> touchpoint.score).orElse(null),
                last.map(touchpoint -> touchpoint.occurredAt).orElse(null), segments))).replaceWithVoid();
    }

    /**
     * Announces the responses a batch recorded, each with the segments its customer is in now: per tenant one
     * evaluation of every segment for every profile of the batch.
     */
    private Uni<Void> attributeBatch(Map<RecordTouchpoint, UUID> recorded, Instant now) {
        Map<String, Map<RecordTouchpoint, UUID>> byTenant = new LinkedHashMap<>();
        recorded.forEach((command, profile) -> {
            if (command.isResponse()) {
                byTenant.computeIfAbsent(command.tenant(), tenant -> new LinkedHashMap<>()).put(command, profile);
            }
        });
        Uni<Void> announced = Uni.createFrom().voidItem();
        for (Map.Entry<String, Map<RecordTouchpoint, UUID>> tenant : byTenant.entrySet()) {
            announced = announced.chain(() -> segments.membershipsOf(tenant.getKey(),
                    new LinkedHashSet<>(tenant.getValue().values()), now).chain(members -> {
                        List<ResponseAttributed> attributions = new ArrayList<>();
                        tenant.getValue().forEach((command, profile) -> attributions.add(
                                attribution(command, profile, members.getOrDefault(profile, List.of()), now)));
                        return events.attributedAll(attributions);
                    })).replaceWithVoid();
        }
        return announced;
    }

    /**
     * Records a batch in one transaction where it can: touchpoints whose identities all belong to one live profile
     * already (the everyday case) are inserted and counted set-based, their profiles' rows locked in id order.
     * Answers the touchpoints this path leaves to {@link #record} one by one: new customers, new identities,
     * claims that link or merge, erased customers, and anything whose profile was merged while the batch looked.
     * Order within the batch does not matter: the computed traits keep the latest by time, and counts add up.
     */
    public Uni<List<RecordTouchpoint>> recordBatch(List<RecordTouchpoint> commands) {
        List<RecordTouchpoint> named = commands.stream().filter(command -> !command.claim().isEmpty()).toList();
        if (named.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Conflicts.inTransaction(() -> batchInTransaction(named));
    }

    private Uni<List<RecordTouchpoint>> batchInTransaction(List<RecordTouchpoint> commands) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Set<TenantIdentity> wanted = new LinkedHashSet<>();
        List<String[]> hashes = new ArrayList<>();
        for (RecordTouchpoint command : commands) {
            for (Identity identity : command.claim().identities()) {
                if (wanted.add(new TenantIdentity(command.tenant(), identity))) {
                    hashes.add(new String[] {command.tenant(), IdentityHash.of(command.tenant(), identity)});
                }
            }
        }
        return batches.recorded(commands.stream()
                        .map(command -> new String[] {command.tenant(), command.sourceEventId()}).toList())
                .chain(recorded -> batches.erased(hashes).chain(erased -> batches.matches(wanted).chain(known -> {
                    List<RecordTouchpoint> slow = new ArrayList<>();
                    Map<RecordTouchpoint, UUID> fast = new LinkedHashMap<>();
                    Set<String> seenSources = new HashSet<>();
                    for (RecordTouchpoint command : commands) {
                        if (recorded.contains(command.tenant() + "\u0000" + command.sourceEventId())
                                || !seenSources.add(command.tenant() + "\u0000" + command.sourceEventId())) {
                            continue;
                        }
                        UUID profile = erased.isEmpty() ? knownProfile(command, known) : null;
                        if (profile == null) {
                            slow.add(command);
                        } else {
                            fast.put(command, profile);
                        }
                    }
                    return profiles.lockAndFindMerged(fast.values()).chain(merged -> {
                        Map<RecordTouchpoint, UUID> live = new LinkedHashMap<>();
                        fast.forEach((command, profile) -> {
                            if (merged.contains(profile)) {
                                slow.add(command);
                            } else {
                                live.put(command, profile);
                            }
                        });
                        return insertAndCount(live, now).replaceWith(slow);
                    });
                })));
    }

    /**
     * The profile a touchpoint joins without creating, adding, linking or merging anything, or null if it needs
     * more than that.
     */
    private static UUID knownProfile(RecordTouchpoint command, Map<String, List<KnownIdentity>> known) {
        List<KnownIdentity> forEvent = known.getOrDefault(command.tenant(), List.of()).stream()
                .filter(held -> command.claim().identities().contains(held.identity()))
                .toList();
        Resolution.Decision decision = Resolution.decide(command.claim(), forEvent);
        if (decision instanceof Resolution.Attach attach && attach.add().isEmpty()
                && attach.possibleMatches().isEmpty()) {
            return attach.profileId();
        }
        return null;
    }

    private Uni<Void> insertAndCount(Map<RecordTouchpoint, UUID> live, Instant now) {
        List<Touchpoint> rows = new ArrayList<>();
        live.forEach((command, profile) -> rows.add(command.toTouchpoint(profile, now)));
        return batches.insert(rows).chain(inserted -> {
            Map<UUID, List<Touchpoint>> byProfile = new LinkedHashMap<>();
            Map<TenantIdentity, Boolean> seen = new LinkedHashMap<>();
            live.forEach((command, profile) -> {
                if (inserted.contains(command.sourceEventId())) {
                    command.claim().identities().forEach(identity -> seen.put(
                            new TenantIdentity(command.tenant(), identity), command.claim().trust() == Trust.VERIFIED));
                }
            });
            rows.stream().filter(row -> inserted.contains(row.sourceEventId))
                    .forEach(row -> byProfile.computeIfAbsent(row.profileId, id -> new ArrayList<>()).add(row));
            List<ComputedDelta> deltas = byProfile.entrySet().stream()
                    .map(entry -> delta(entry.getKey(), entry.getValue())).toList();
            Map<RecordTouchpoint, UUID> recorded = new LinkedHashMap<>();
            live.forEach((command, profile) -> {
                if (inserted.contains(command.sourceEventId())) {
                    recorded.put(command, profile);
                }
            });
            return batches.addToComputed(deltas, now).chain(() -> batches.touch(seen, now))
                    .chain(() -> attributeBatch(recorded, now));
        });
    }

    /** What a profile's touchpoints of this batch add to its computed traits. */
    private static ComputedDelta delta(UUID profileId, List<Touchpoint> touchpoints) {
        int responses = 0;
        Integer lastNps = null;
        Instant lastNpsAt = null;
        BigDecimal csatSum = BigDecimal.ZERO;
        int csatCount = 0;
        Instant lastContactAt = null;
        String lastChannel = null;
        for (Touchpoint touchpoint : touchpoints) {
            if (Touchpoint.RESPONSE.equals(touchpoint.kind)) {
                responses++;
                if (touchpoint.score != null && (lastNpsAt == null || !touchpoint.occurredAt.isBefore(lastNpsAt))) {
                    lastNps = touchpoint.score;
                    lastNpsAt = touchpoint.occurredAt;
                }
                if (touchpoint.csat != null) {
                    csatSum = csatSum.add(touchpoint.csat);
                    csatCount++;
                }
            }
            // A case's resolution is the tenant's record of a follow-up, not the customer's last contact.
            if (!Touchpoint.CASE_RESOLVED.equals(touchpoint.kind)
                    && (lastContactAt == null || !touchpoint.occurredAt.isBefore(lastContactAt))) {
                lastContactAt = touchpoint.occurredAt;
                lastChannel = touchpoint.channel;
            }
        }
        return new ComputedDelta(profileId, responses, lastNps, lastNpsAt, csatSum, csatCount, lastContactAt,
                lastChannel);
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
