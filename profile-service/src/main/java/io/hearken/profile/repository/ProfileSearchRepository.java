package io.hearken.profile.repository;

import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.SegmentRule;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Search over live profiles: by identity (any kind the value can be), by a trait condition, by a segment's rule,
 * combined with AND, in id order by keyset. Identity matches use the identity index; the rest are the segment SQL.
 */
@ApplicationScoped
public class ProfileSearchRepository {

    /** What to search by; null parts match everything. */
    public record Search(List<Identity> anyOfIdentities, SegmentRule.TraitCondition trait, SegmentRule segment) {
    }

    public Uni<List<UUID>> search(String tenant, Search search, UUID after, int limit, Instant now) {
        List<Object> parameters = new ArrayList<>(List.of(tenant));
        StringBuilder sql = new StringBuilder("select p.id from customer_profile p where p.tenant = ?1 "
                + "and p.merged_into is null");
        if (search.anyOfIdentities() != null) {
            List<String> matches = new ArrayList<>();
            for (Identity identity : search.anyOfIdentities()) {
                parameters.add(identity.kind().wireName());
                parameters.add(identity.value());
                matches.add("(i.kind = ?" + (parameters.size() - 1) + " and i.value = ?" + parameters.size() + ")");
            }
            sql.append(" and p.id in (select i.profile_id from profile_identity i where i.tenant = ?1 and (")
                    .append(String.join(" or ", matches)).append("))");
        }
        if (search.trait() != null) {
            sql.append(" and ").append(SegmentRepository.where(search.trait(), parameters, now));
        }
        if (search.segment() != null) {
            sql.append(" and ").append(SegmentRepository.where(search.segment(), parameters, now));
        }
        if (after != null) {
            parameters.add(after);
            sql.append(" and p.id > ?").append(parameters.size());
        }
        parameters.add(limit);
        sql.append(" order by p.id limit ?").append(parameters.size());
        return Sql.rows(sql.toString(), parameters.toArray()).map(rows -> rows.stream()
                .map(row -> (UUID) row[0]).toList());
    }
}
