package io.hearken.profile.repository;

import io.hearken.profile.domain.ProfileIdentity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The identities profiles are known by. */
@ApplicationScoped
public class IdentityRepository implements PanacheRepositoryBase<ProfileIdentity, UUID> {

    public Uni<ProfileIdentity> findIdentity(String tenant, String kind, String value) {
        return find("tenant = ?1 and kind = ?2 and value = ?3", tenant, kind, value).firstResult();
    }

    public Uni<List<ProfileIdentity>> findByProfile(UUID profileId) {
        return list("profileId = ?1 order by createdAt", profileId);
    }
}
