package io.hearken.profile.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Erasures, the services' receipts, and the hashes of erased identities. */
@ApplicationScoped
public class ErasureRepository {

    /** An erasure as recorded. */
    public record ErasureRow(UUID id, String tenant, UUID profileId, String requestedBy, Instant requestedAt,
                             int itemsErased) {
    }

    /** One service's receipt. */
    public record Receipt(String service, long itemsErased, Instant completedAt) {
    }

    /** The latest erasure time of any of the hashed identities, if one was erased. */
    public Uni<Optional<Instant>> erasedAt(String tenant, List<String> hashes) {
        if (hashes.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        StringBuilder sql = new StringBuilder("select max(erased_at) from erased_identity where tenant = ?1 and "
                + "value_hash in (");
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenant);
        for (String hash : hashes) {
            parameters.add(hash);
            sql.append(parameters.size() == 2 ? "?" : ", ?").append(parameters.size());
        }
        return Sql.rows(sql.append(")").toString(), parameters.toArray())
                .map(rows -> Optional.ofNullable(IdentityRepository.instant(rows.get(0)[0])));
    }

    public Uni<Integer> rememberErased(String tenant, String kind, String hash, Instant at) {
        return Sql.update("insert into erased_identity (tenant, kind, value_hash, erased_at) values (?1, ?2, ?3, ?4) "
                + "on conflict (tenant, kind, value_hash) do update set erased_at = excluded.erased_at",
                tenant, kind, hash, at);
    }

    public Uni<Integer> record(ErasureRow erasure) {
        return Sql.update("insert into erasure (id, tenant, profile_id, requested_by, requested_at, items_erased) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)", erasure.id(), erasure.tenant(), erasure.profileId(),
                erasure.requestedBy(), erasure.requestedAt(), erasure.itemsErased());
    }

    public Uni<Optional<ErasureRow>> find(String tenant, UUID erasureId) {
        return one("id = ?2", tenant, erasureId);
    }

    public Uni<Optional<ErasureRow>> findByProfile(String tenant, UUID profileId) {
        return one("profile_id = ?2", tenant, profileId);
    }

    private Uni<Optional<ErasureRow>> one(String condition, String tenant, UUID id) {
        return Sql.rows("select id, tenant, profile_id, requested_by, requested_at, items_erased from erasure "
                + "where tenant = ?1 and " + condition, tenant, id).map(rows -> rows.stream().findFirst()
                .map(row -> new ErasureRow((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3],
                        IdentityRepository.instant(row[4]), ((Number) row[5]).intValue())));
    }

    /** Keeps a receipt once; a second receipt of the same service changes nothing. */
    public Uni<Integer> receive(UUID erasureId, String service, long items, Instant at) {
        return Sql.update("insert into erasure_receipt (erasure_id, service, items_erased, completed_at) "
                + "select ?1, ?2, ?3, ?4 where exists (select 1 from erasure where id = ?1) "
                + "on conflict do nothing", erasureId, service, items, at);
    }

    public Uni<List<Receipt>> receipts(UUID erasureId) {
        return Sql.rows("select service, items_erased, completed_at from erasure_receipt where erasure_id = ?1 "
                + "order by service", erasureId).map(rows -> rows.stream()
                .map(row -> new Receipt((String) row[0], ((Number) row[1]).longValue(),
                        IdentityRepository.instant(row[2])))
                .toList());
    }

    /** Deletes everything a profile holds, its redirects included; answers how many rows went. */
    public Uni<Integer> deleteProfile(UUID profileId) {
        int[] total = {0};
        List<String> statements = List.of(
                "delete from touchpoint where profile_id = ?1",
                "delete from profile_identity where profile_id = ?1",
                "delete from profile_trait where profile_id = ?1",
                "delete from profile_consent where profile_id = ?1",
                "delete from consent_history where profile_id = ?1",
                "delete from profile_link where profile_id = ?1 or other_id = ?1",
                "delete from import_line where profile_id = ?1",
                "delete from customer_profile where merged_into = ?1",
                "delete from customer_profile where id = ?1");
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (String statement : statements) {
            chain = chain.chain(() -> Sql.update(statement, profileId).invoke(count -> total[0] += count));
        }
        return chain.map(ignored -> total[0]);
    }
}
