package io.hearken.profile.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.CustomerProfile;
import io.hearken.profile.repository.ErasureRepository;
import io.hearken.profile.repository.ProfileRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Finds the live profile behind an id for a read or a write. A merged id answers {@link Merged} (the API redirects
 * a read); a write follows it to the survivor and locks that row, so a trait or consent written while a merge
 * runs lands on the survivor, never on the emptied profile.
 */
@ApplicationScoped
public class ProfileLookup {

    /** The profile was merged: ask {@code survivorId}. */
    public static final class Merged extends RuntimeException {
        private final UUID survivorId;

        public Merged(UUID survivorId) {
            super("merged into " + survivorId, null, false, false);
            this.survivorId = survivorId;
        }

        public UUID survivorId() {
            return survivorId;
        }
    }

    private final ProfileRepository profiles;
    private final ErasureRepository erasures;

    public ProfileLookup(ProfileRepository profiles, ErasureRepository erasures) {
        this.profiles = profiles;
        this.erasures = erasures;
    }

    /** The live profile, {@link Merged} if it was merged, 404 (or 410 once erased) if there is none. */
    public Uni<CustomerProfile> read(String tenant, UUID id) {
        return profiles.findInTenant(tenant, id).chain(profile -> {
            if (profile == null) {
                return gone(tenant, id);
            }
            if (profile.isMerged()) {
                throw new Merged(profile.mergedInto);
            }
            return Uni.createFrom().item(profile);
        });
    }

    /** The id of the live profile behind {@code id}, following a merge, its row locked for this transaction. */
    public Uni<UUID> lockForWrite(String tenant, UUID id) {
        return profiles.lockInTenant(tenant, id).chain(row -> {
            if (row.isEmpty()) {
                return gone(tenant, id).replaceWith((UUID) null);
            }
            UUID survivor = row.get().mergedInto();
            if (survivor == null) {
                return Uni.createFrom().item(id);
            }
            // Redirects are one hop (a merge re-points older ones), so the survivor is live unless merged meanwhile.
            return profiles.lockAndFindMerged(List.of(survivor)).map(merged -> {
                if (!merged.isEmpty()) {
                    throw new Conflicts.ConcurrentChange("profile " + survivor + " merged while writing");
                }
                return survivor;
            });
        });
    }

    private Uni<CustomerProfile> gone(String tenant, UUID id) {
        return erasures.findByProfile(tenant, id).map(erasure -> {
            if (erasure.isPresent()) {
                throw new ProblemException(410, "profile-erased", "Profile erased",
                        "Profile " + id + " was erased at " + erasure.get().requestedAt() + " (erasure "
                                + erasure.get().id() + ").", null, null);
            }
            throw ProblemException.notFound("Profile", id.toString());
        });
    }
}
