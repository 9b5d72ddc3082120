package io.hearken.profile.service;

import io.hearken.common.events.ProfileMerged;
import io.hearken.profile.domain.CustomerProfile;
import io.hearken.profile.domain.Trust;
import io.hearken.profile.messaging.ProfileEvents;
import io.hearken.profile.repository.MergeRepository;
import io.hearken.profile.repository.ProfileRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Joins two profiles of one customer. The rules: identities, timeline and consent history move to the survivor;
 * a trait keeps the value written last; consent keeps the most restrictive answer per channel and purpose; the
 * computed traits are recomputed from the joined timeline; claimed identities become verified only when an
 * operator merges them into a verified profile. The merged profile stays as a redirect; every merge is audited and
 * announced ({@code hearken.profile.merged.v1}). Runs in the caller's transaction with both rows locked.
 */
@ApplicationScoped
public class ProfileMerger {

    public static final String VERIFIED_IDENTITY = "verified-identity";
    public static final String OPERATOR = "operator";

    private final ProfileRepository profiles;
    private final MergeRepository merges;
    private final ProfileEvents events;

    public ProfileMerger(ProfileRepository profiles, MergeRepository merges, ProfileEvents events) {
        this.profiles = profiles;
        this.merges = merges;
        this.events = events;
    }

    /** Merges {@code merged} into {@code survivor}; both must be locked and unmerged. */
    public Uni<Void> merge(CustomerProfile survivor, CustomerProfile merged, String reason, String actor,
                           Instant now) {
        boolean verified = survivor.trust == Trust.VERIFIED || merged.trust == Trust.VERIFIED;
        UUID mergeId = UUID.randomUUID();
        Uni<Integer> promote = verified && merged.trust == Trust.CLAIMED
                ? merges.promoteClaimedIdentities(merged.id, now)
                : verified && survivor.trust == Trust.CLAIMED
                ? merges.promoteClaimedIdentities(survivor.id, now)
                : Uni.createFrom().item(0);
        return promote
                .chain(() -> merges.moveIdentities(survivor.id, merged.id))
                .chain(() -> merges.moveTimeline(survivor.id, merged.id))
                .chain(() -> merges.mergeTraits(survivor.id, merged.id))
                .chain(() -> merges.mergeConsent(survivor.id, merged.id))
                .chain(() -> merges.moveLinks(survivor.id, merged.id))
                .chain(() -> merges.redirect(survivor.id, merged.id, verified, now))
                .chain(() -> profiles.recompute(survivor.id, now))
                .chain(() -> merges.audit(mergeId, survivor.tenant, survivor.id, merged.id, reason, actor, now))
                .chain(() -> events.merged(new ProfileMerged(mergeId.toString(), survivor.tenant,
                        survivor.id.toString(), merged.id.toString(), reason, now)))
                .replaceWithVoid();
    }
}
