package io.hearken.profile.repository;

import io.hearken.profile.domain.Touchpoint;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The journey timeline. */
@ApplicationScoped
public class TouchpointRepository implements PanacheRepositoryBase<Touchpoint, UUID> {

    public Uni<Boolean> existsForEvent(String tenant, String sourceEventId) {
        return count("tenant = ?1 and sourceEventId = ?2", tenant, sourceEventId).map(count -> count > 0);
    }

    public Uni<List<Touchpoint>> timeline(UUID profileId, int limit) {
        return find("profileId = ?1 order by occurredAt desc, recordedAt desc", profileId).page(0, limit).list();
    }
}
