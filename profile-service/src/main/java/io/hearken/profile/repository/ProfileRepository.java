package io.hearken.profile.repository;

import io.hearken.profile.domain.CustomerProfile;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Customer profiles. */
@ApplicationScoped
public class ProfileRepository implements PanacheRepositoryBase<CustomerProfile, UUID> {

    public Uni<CustomerProfile> findInTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }
}
