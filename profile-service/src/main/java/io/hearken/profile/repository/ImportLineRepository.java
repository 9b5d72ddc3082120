package io.hearken.profile.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Import lines already applied, by the hash of their content: what makes a re-import change nothing. */
@ApplicationScoped
public class ImportLineRepository {

    /** The profile a line with this hash was imported to, or null. */
    public Uni<UUID> find(String tenant, String lineHash) {
        return Sql.rows("select profile_id from import_line where tenant = ?1 and line_hash = ?2", tenant, lineHash)
                .map(rows -> rows.isEmpty() ? null : (UUID) rows.get(0)[0]);
    }

    public Uni<Integer> remember(String tenant, String lineHash, UUID profileId) {
        return Sql.update("insert into import_line (tenant, line_hash, profile_id, imported_at) values (?1, ?2, ?3, "
                + "?4)", tenant, lineHash, profileId, Instant.now());
    }
}
