package io.hearken.insight.repository;

import io.hearken.common.events.ProfileErased;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.List;

/** The customers erased, once each by erasure id (table {@code erasure}). */
@ApplicationScoped
public class ErasureRepository {

    private final Pool pool;

    public ErasureRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records the erasures not recorded before, in one transaction; an erasure seen again (a redelivery) keeps the
     * time it was first applied.
     */
    public Uni<Void> record(List<ProfileErased> erasures) {
        if (erasures.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = erasures.stream()
                .map(erasure -> Tuple.of(erasure.erasureId(), erasure.tenant(), erasure.profileId(),
                        erasure.erasedAt().atOffset(ZoneOffset.UTC)))
                .toList();
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        insert into erasure (erasure_id, tenant, profile_id, erased_at)
                        values ($1, $2, $3, $4)
                        on conflict (erasure_id) do nothing""")
                .executeBatch(rows)
                .replaceWithVoid());
    }
}
