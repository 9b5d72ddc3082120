package io.hearken.profile.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.ChurnRiskTrait;
import io.hearken.profile.domain.ConsentState;
import io.hearken.profile.domain.CustomerProfile;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityClaim;
import io.hearken.profile.domain.ProfileIdentity;
import io.hearken.profile.domain.StoredTrait;
import io.hearken.profile.domain.TimelineFilter;
import io.hearken.profile.domain.Touchpoint;
import io.hearken.profile.domain.Trust;
import io.hearken.profile.messaging.ProfileEvents;
import io.hearken.profile.repository.ChurnRiskRepository;
import io.hearken.profile.repository.ConsentRepository;
import io.hearken.profile.repository.IdentityRepository;
import io.hearken.profile.repository.MergeRepository;
import io.hearken.profile.repository.ProfileRepository;
import io.hearken.profile.repository.TouchpointRepository.TimelinePosition;
import io.hearken.profile.repository.TouchpointRepository;
import io.hearken.profile.repository.TraitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Profiles as people see and change them: look-ups by identity or id, the timeline by pages, identities linked by
 * a trusted caller, and merges an operator asks for.
 */
@ApplicationScoped
public class ProfileService {

    static final int FIRST_PAGE = 20;

    private final ProfileRepository profiles;
    private final IdentityRepository identities;
    private final TouchpointRepository touchpoints;
    private final TraitRepository traits;
    private final ConsentRepository consents;
    private final MergeRepository merges;
    private final ProfileLookup lookup;
    private final IdentityResolver resolver;
    private final ProfileMerger merger;
    private final ProfileEvents events;
    private final ChurnRiskRepository churnRisks;

    public ProfileService(ProfileRepository profiles, IdentityRepository identities, TouchpointRepository touchpoints,
                          TraitRepository traits, ConsentRepository consents, MergeRepository merges,
                          ProfileLookup lookup, IdentityResolver resolver, ProfileMerger merger,
                          ProfileEvents events, ChurnRiskRepository churnRisks) {
        this.churnRisks = churnRisks;
        this.profiles = profiles;
        this.identities = identities;
        this.touchpoints = touchpoints;
        this.traits = traits;
        this.consents = consents;
        this.merges = merges;
        this.lookup = lookup;
        this.resolver = resolver;
        this.merger = merger;
        this.events = events;
    }

    /** The profile holding the identity: the verified holder if there is one, else the claimed one. */
    public Uni<UUID> findByIdentity(String tenant, Identity identity) {
        return lookup(tenant, identity).map(IdentityRepository.Holder::profileId);
    }

    /** The profile holding the identity with its identities, in one statement (404 if none holds it). */
    public Uni<IdentityRepository.Holder> lookup(String tenant, Identity identity) {
        return Panache.withSession(() -> identities.holder(tenant, identity)).map(holder -> {
            if (holder == null) {
                throw ProblemException.notFound("Profile with " + identity.kind().parameterName(), identity.value());
            }
            return holder;
        });
    }

    public Uni<ProfileDetails> details(String tenant, UUID id) {
        return Panache.withSession(() -> lookup.read(tenant, id).chain(profile -> identities.findByProfile(id)
                .chain(known -> traits.ofProfile(id)
                        .chain(traitValues -> consents.current(id)
                                .chain(consent -> merges.possibleMatches(id)
                                        .chain(matches -> touchpoints.lastContactPerChannel(id)
                                                .chain(contacts -> touchpoints.page(id, TimelineFilter.ANY, null,
                                                                FIRST_PAGE + 1)
                                                        .chain(recent -> churnRisks.ofProfile(id)
                                                                .map(churnRisk -> details(profile, known,
                                                                        traitValues, consent, matches, contacts,
                                                                        recent, churnRisk.orElse(null)))))))))));
    }

    private static ProfileDetails details(CustomerProfile profile, List<ProfileIdentity> known,
                                          List<StoredTrait> traitValues,
                                          List<ConsentState> consent, List<UUID> matches,
                                          Map<String, Instant> lastContacts, List<Touchpoint> recent,
                                          ChurnRiskTrait churnRisk) {
        List<ProfileIdentity> ordered = known.stream()
                .sorted(Comparator.comparing((ProfileIdentity held) -> !held.verified)
                        .thenComparing(held -> held.createdAt))
                .toList();
        boolean more = recent.size() > FIRST_PAGE;
        List<Touchpoint> page = more ? recent.subList(0, FIRST_PAGE) : recent;
        return new ProfileDetails(profile, ordered, traitValues, consent, matches, lastContacts, page,
                more ? TimelineCursor.after(page.get(page.size() - 1)) : null, churnRisk);
    }

    /** One page of the timeline, newest first, and the cursor of the next page (null at the end). */
    public record TimelinePage(List<Touchpoint> touchpoints, String nextCursor) {
    }

    public Uni<TimelinePage> timeline(String tenant, UUID id, TimelineFilter filter, String cursor, int limit) {
        TimelinePosition after = cursor == null ? null : TimelineCursor.parse(cursor);
        return Panache.withSession(() -> lookup.read(tenant, id)
                .chain(profile -> touchpoints.page(id, filter, after, limit + 1))
                .map(found -> {
                    boolean more = found.size() > limit;
                    List<Touchpoint> page = more ? found.subList(0, limit) : found;
                    return new TimelinePage(page, more ? TimelineCursor.after(page.get(page.size() - 1)) : null);
                }));
    }

    /**
     * Creates or finds the profile of a trusted caller's identities (admin or partner API, import): they are
     * verified, so they may join or merge profiles by the identity rules.
     */
    public Uni<UUID> upsert(String tenant, IdentityClaim claim) {
        return Conflicts.inTransaction(() -> resolver.resolve(tenant, claim, now()));
    }

    /** {@link #upsert} in the caller's transaction. */
    Uni<UUID> resolveInTransaction(String tenant, IdentityClaim claim) {
        return resolver.resolve(tenant, claim, now());
    }

    /**
     * Links a verified identity to a profile. If another profile holds it verified, the two are one customer and
     * merge (into the older); a claimed profile that receives a verified identity becomes verified, an operator
     * having vouched for it. Answers the surviving profile's id.
     */
    public Uni<UUID> linkIdentity(String tenant, UUID id, Identity identity, String source, String actor) {
        return Conflicts.inTransaction(() -> lookup.lockForWrite(tenant, id).chain(live ->
                identities.findIdentity(tenant, identity, true).chain(holder -> {
                    Instant now = now();
                    if (holder != null && holder.profileId.equals(live)) {
                        return Uni.createFrom().item(live);
                    }
                    if (holder != null) {
                        return operatorMerge(tenant, live, holder.profileId, ProfileMerger.VERIFIED_IDENTITY, actor,
                                now);
                    }
                    return profiles.findById(live).chain(profile -> {
                        Uni<Integer> promote = profile.trust == Trust.CLAIMED
                                ? merges.promoteClaimedIdentities(live, now)
                                .call(() -> profiles.update("trust = ?1 where id = ?2", Trust.VERIFIED, live))
                                : Uni.createFrom().item(0);
                        return promote
                                .chain(() -> identities.persist(ProfileIdentity.of(live, tenant, identity,
                                        Trust.VERIFIED, source, now)))
                                .chain(() -> events.changed(tenant, live, List.of("identities"), now))
                                .replaceWith(live);
                    });
                })));
    }

    /** Merges two profiles an operator says are one customer; answers the survivor's id. */
    public Uni<UUID> merge(String tenant, UUID id, UUID otherId, String actor) {
        if (id.equals(otherId)) {
            throw ProblemException.invalidField("profileId", "is the profile itself: a profile cannot merge with "
                    + "itself");
        }
        return Conflicts.inTransaction(() -> lookup.lockForWrite(tenant, id)
                .chain(live -> lookup.lockForWrite(tenant, otherId)
                        .chain(other -> live.equals(other) ? Uni.createFrom().item(live)
                                : operatorMerge(tenant, live, other, ProfileMerger.OPERATOR, actor, now()))));
    }

    /**
     * The survivor is the verified profile when only one is verified (claimed data never absorbs a verified
     * customer), else the older one.
     */
    private Uni<UUID> operatorMerge(String tenant, UUID one, UUID other, String reason, String actor, Instant now) {
        return profiles.lockAndFindMerged(List.of(one, other)).chain(changed -> {
            if (!changed.isEmpty()) {
                throw new Conflicts.ConcurrentChange("profiles " + changed + " merged meanwhile");
            }
            return profiles.list("id in ?1 and tenant = ?2", List.of(one, other), tenant);
        }).chain(both -> {
            CustomerProfile survivor = both.stream()
                    .min(Comparator.comparing((CustomerProfile profile) -> profile.trust)
                            .thenComparing(profile -> profile.createdAt)
                            .thenComparing(profile -> profile.id))
                    .orElseThrow();
            CustomerProfile merged = both.stream().filter(profile -> profile != survivor).findFirst().orElseThrow();
            return merger.merge(survivor, merged, reason, actor, now).replaceWith(survivor.id);
        });
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
