package io.hearken.profile.service;

import io.hearken.profile.domain.CustomerProfile;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityClaim;
import io.hearken.profile.domain.ProfileIdentity;
import io.hearken.profile.domain.Resolution;
import io.hearken.profile.domain.Trust;
import io.hearken.profile.messaging.ProfileEvents;
import io.hearken.profile.repository.IdentityRepository;
import io.hearken.profile.repository.MergeRepository;
import io.hearken.profile.repository.ProfileRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the profile an event or a call belongs to by {@link Resolution}'s rules, and carries the decision out in
 * the caller's transaction: creates the profile, adds identities, merges profiles a verified claim proved to be one,
 * links possible matches. The involved profiles are locked in id order first; if one was merged or erased between
 * the look-up and the lock, {@link Conflicts.ConcurrentChange} makes the caller's transaction run again.
 */
@ApplicationScoped
public class IdentityResolver {

    private final ProfileRepository profiles;
    private final IdentityRepository identities;
    private final MergeRepository merges;
    private final ProfileMerger merger;
    private final ProfileEvents events;

    public IdentityResolver(ProfileRepository profiles, IdentityRepository identities, MergeRepository merges,
                            ProfileMerger merger, ProfileEvents events) {
        this.profiles = profiles;
        this.identities = identities;
        this.merges = merges;
        this.merger = merger;
        this.events = events;
    }

    /** The profile the claim resolves to, after any creation, additions and merges it implies. */
    public Uni<UUID> resolve(String tenant, IdentityClaim claim, Instant now) {
        return identities.findMatches(tenant, claim.identities()).chain(known -> {
            Resolution.Decision decision = Resolution.decide(claim, known);
            Set<UUID> involved = new LinkedHashSet<>();
            if (decision instanceof Resolution.Attach attach) {
                involved.add(attach.profileId());
            } else if (decision instanceof Resolution.Merge merge) {
                involved.add(merge.survivor());
                involved.addAll(merge.merged());
            }
            return profiles.lockAndFindMerged(involved).chain(changed -> {
                if (!changed.isEmpty()) {
                    throw new Conflicts.ConcurrentChange("profiles " + changed + " changed while resolving");
                }
                return carryOut(tenant, claim, decision, now);
            });
        });
    }

    private Uni<UUID> carryOut(String tenant, IdentityClaim claim, Resolution.Decision decision, Instant now) {
        if (decision instanceof Resolution.Create create) {
            CustomerProfile created = CustomerProfile.create(tenant, create.trust(), now);
            // Flushed at once: the native statements that follow (computed traits, traits) need the rows.
            return profiles.persist(created)
                    .chain(() -> add(tenant, created.id, create.add(), claim, now))
                    .call(() -> profiles.flush())
                    .chain(() -> events.changed(tenant, created.id, List.of("created"), now))
                    .chain(() -> link(tenant, created.id, create.possibleMatches(), now))
                    .replaceWith(created.id);
        }
        if (decision instanceof Resolution.Attach attach) {
            return touchAndAdd(tenant, attach.profileId(), attach.add(), claim, now)
                    .chain(() -> link(tenant, attach.profileId(), attach.possibleMatches(), now))
                    .replaceWith(attach.profileId());
        }
        Resolution.Merge merge = (Resolution.Merge) decision;
        return mergeAll(merge, now)
                .chain(() -> touchAndAdd(tenant, merge.survivor(), merge.add(), claim, now))
                .chain(() -> link(tenant, merge.survivor(), merge.possibleMatches(), now))
                .replaceWith(merge.survivor());
    }

    private Uni<Void> mergeAll(Resolution.Merge merge, Instant now) {
        List<UUID> all = new ArrayList<>(merge.merged());
        all.add(merge.survivor());
        return profiles.list("id in ?1", all).chain(loaded -> {
            Map<UUID, CustomerProfile> byId = loaded.stream()
                    .collect(Collectors.toMap(profile -> profile.id, Function.identity()));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UUID merged : merge.merged()) {
                chain = chain.chain(() -> merger.merge(byId.get(merge.survivor()), byId.get(merged),
                        ProfileMerger.VERIFIED_IDENTITY, null, now));
            }
            return chain;
        });
    }

    private Uni<Void> touchAndAdd(String tenant, UUID profileId, List<Identity> add, IdentityClaim claim,
                                  Instant now) {
        List<Identity> held = claim.identities().stream().filter(identity -> !add.contains(identity)).toList();
        return identities.touch(profileId, held, claim.trust() == Trust.VERIFIED, now)
                .chain(() -> add(tenant, profileId, add, claim, now))
                .chain(added -> added ? events.changed(tenant, profileId, List.of("identities"), now)
                        .replaceWithVoid() : Uni.createFrom().voidItem());
    }

    private Uni<Boolean> add(String tenant, UUID profileId, List<Identity> add, IdentityClaim claim, Instant now) {
        if (add.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        List<ProfileIdentity> rows = add.stream()
                .map(identity -> ProfileIdentity.of(profileId, tenant, identity, claim.trust(), claim.source(), now))
                .toList();
        return identities.persist(rows).replaceWith(true);
    }

    private Uni<Void> link(String tenant, UUID profileId, Set<UUID> possibleMatches, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID other : possibleMatches) {
            if (!other.equals(profileId)) {
                chain = chain.chain(() -> merges.link(tenant, profileId, other, "same identity, other trust", now)
                        .replaceWithVoid());
            }
        }
        return chain;
    }
}
