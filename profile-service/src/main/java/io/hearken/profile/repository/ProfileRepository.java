package io.hearken.profile.repository;

import io.hearken.profile.domain.CustomerProfile;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Customer profiles, the row locks that order concurrent merges, and the computed traits. */
@ApplicationScoped
public class ProfileRepository implements PanacheRepositoryBase<CustomerProfile, UUID> {

    public Uni<CustomerProfile> findInTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    /**
     * Locks the profiles' rows for this transaction, always in id order, so two transactions that touch the same
     * profiles wait for each other instead of deadlocking; answers which of them have been merged meanwhile.
     */
    public Uni<List<UUID>> lockAndFindMerged(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ordered = ids.stream().sorted().distinct().toList();
        StringBuilder sql = new StringBuilder("select id, merged_into from customer_profile where id in (");
        for (int i = 0; i < ordered.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?").append(i + 1);
        }
        sql.append(") order by id for update");
        return Sql.rows(sql.toString(), ordered.toArray()).map(rows -> {
            if (rows.size() != ordered.size()) {
                // Erased in the meantime: the caller starts again and sees it gone.
                return ordered;
            }
            return rows.stream().filter(row -> row[1] != null).map(row -> (UUID) row[0]).toList();
        });
    }

    /** A locked profile row: {@code mergedInto} is its survivor, null while it is live. */
    public record LockedProfile(UUID id, UUID mergedInto) {
    }

    /** Locks one profile's row of the tenant; empty if there is none. */
    public Uni<Optional<LockedProfile>> lockInTenant(String tenant, UUID id) {
        return Sql.rows("select id, merged_into from customer_profile where id = ?1 and tenant = ?2 for update", id,
                tenant).map(rows -> rows.stream().findFirst().map(row -> new LockedProfile((UUID) row[0],
                (UUID) row[1])));
    }

    /** Recomputes the computed traits from the timeline (after a merge moved touchpoints). */
    public Uni<Integer> recompute(UUID profileId, Instant now) {
        return Sql.update("""
                update customer_profile p set
                    response_count = s.responses,
                    last_nps = s.last_nps,
                    last_nps_at = s.last_nps_at,
                    csat_sum = s.csat_sum,
                    csat_count = s.csat_count,
                    last_contact_at = s.last_contact_at,
                    last_channel = s.last_channel,
                    updated_at = ?2
                from (select
                        count(*) filter (where kind = 'response.submitted') as responses,
                        (select score from touchpoint t where t.profile_id = ?1 and t.score is not null
                           order by occurred_at desc limit 1) as last_nps,
                        max(occurred_at) filter (where score is not null) as last_nps_at,
                        coalesce(sum(csat), 0) as csat_sum,
                        count(csat) as csat_count,
                        max(occurred_at) filter (where kind <> 'case.resolved') as last_contact_at,
                        (select channel from touchpoint t where t.profile_id = ?1 and t.kind <> 'case.resolved'
                           order by occurred_at desc limit 1) as last_channel
                      from touchpoint where profile_id = ?1) s
                where p.id = ?1""", profileId, now);
    }
}
