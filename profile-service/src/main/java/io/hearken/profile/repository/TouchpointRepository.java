package io.hearken.profile.repository;

import io.hearken.profile.domain.TimelineFilter;
import io.hearken.profile.domain.Touchpoint;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The journey timeline: appended once per source event, read newest first by keyset, never capped. */
@ApplicationScoped
public class TouchpointRepository implements PanacheRepositoryBase<Touchpoint, UUID> {

    /** Where a page starts: after the touchpoint at {@code occurredAt} with {@code id} (newest first). */
    public record TimelinePosition(Instant occurredAt, UUID id) {
    }

    public Uni<Boolean> existsForEvent(String tenant, String sourceEventId) {
        return count("tenant = ?1 and sourceEventId = ?2", tenant, sourceEventId).map(count -> count > 0);
    }

    /** The customer's last response with an NPS score at or before {@code at}: what they felt before an outcome. */
    public Uni<Optional<Touchpoint>> lastNpsBefore(UUID profileId, Instant at) {
        return find("profileId = ?1 and kind = ?2 and score is not null and occurredAt <= ?3 "
                + "order by occurredAt desc, id desc", profileId, Touchpoint.RESPONSE, at)
                .firstResult().map(Optional::ofNullable);
    }

    public Uni<List<Touchpoint>> page(UUID profileId, TimelineFilter filter, TimelinePosition after, int limit) {
        StringBuilder query = new StringBuilder("profileId = ?1");
        List<Object> parameters = new ArrayList<>();
        parameters.add(profileId);
        condition(query, parameters, "kind = ?", filter.kind());
        condition(query, parameters, "stage = ?", filter.stage());
        condition(query, parameters, "channel = ?", filter.channel());
        condition(query, parameters, "occurredAt >= ?", filter.from());
        condition(query, parameters, "occurredAt < ?", filter.to());
        if (after != null) {
            parameters.add(after.occurredAt());
            int at = parameters.size();
            parameters.add(after.id());
            query.append(" and (occurredAt < ?").append(at).append(" or (occurredAt = ?").append(at)
                    .append(" and id < ?").append(at + 1).append("))");
        }
        query.append(" order by occurredAt desc, id desc");
        return find(query.toString(), parameters.toArray()).page(0, limit).list();
    }

    private static void condition(StringBuilder query, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            parameters.add(value);
            query.append(" and ").append(clause).append(parameters.size());
        }
    }

    /** Invitations actually sent to the profile since {@code since}, on any channel: what the frequency cap counts. */
    public Uni<Long> contactsSince(UUID profileId, List<String> kinds, Instant since) {
        return count("profileId = ?1 and kind in ?2 and occurredAt >= ?3", profileId, kinds, since);
    }

    /** Last contact per channel, for the profile view. */
    public Uni<Map<String, Instant>> lastContactPerChannel(UUID profileId) {
        return Sql.rows("select channel, max(occurred_at) from touchpoint where profile_id = ?1 "
                + "and channel is not null group by channel order by 2 desc", profileId).map(rows -> {
                    Map<String, Instant> lastContacts = new LinkedHashMap<>();
                    rows.forEach(row -> lastContacts.put((String) row[0], IdentityRepository.instant(row[1])));
                    return lastContacts;
                });
    }
}
