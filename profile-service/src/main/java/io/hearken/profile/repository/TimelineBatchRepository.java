package io.hearken.profile.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.domain.KnownIdentity;
import io.hearken.profile.domain.Touchpoint;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The timeline's set-based statements: a whole batch of touchpoints for customers already known is looked up,
 * inserted and counted in a handful of statements instead of a handful per touchpoint.
 */
@ApplicationScoped
public class TimelineBatchRepository {

    private final ObjectMapper mapper;

    public TimelineBatchRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** An identity of a tenant, as a batch looks them up. */
    public record TenantIdentity(String tenant, Identity identity) {
    }

    /** What one profile's computed traits gain from a batch. */
    public record ComputedDelta(UUID profileId, int responses, Integer lastNps, Instant lastNpsAt, BigDecimal csatSum,
                                int csatCount, Instant lastContactAt, String lastChannel) {
    }

    /**
     * {@code tenant + "\u0000" + sourceEventId} of the touchpoints already recorded among these. The keys travel as
     * one JSON parameter (cast through text: the reactive client would send a String as a JSON string) and join the
     * unique index, whatever the batch's size.
     */
    public Uni<Set<String>> recorded(Collection<String[]> tenantAndSourceIds) {
        if (tenantAndSourceIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<Map<String, String>> keys = tenantAndSourceIds.stream()
                .map(key -> Map.of("tenant", key[0], "source", key[1])).toList();
        return Sql.rows("select t.tenant, t.source_event_id from json_to_recordset(cast(cast(?1 as text) as json)) "
                + "as w(tenant text, source text) join touchpoint t on t.tenant = w.tenant "
                + "and t.source_event_id = w.source", json(keys)).map(rows -> {
                    Set<String> found = new HashSet<>();
                    rows.forEach(row -> found.add(row[0] + "\u0000" + row[1]));
                    return found;
                });
    }

    /** Erasure time by identity hash, for the identities of the batch that were erased. */
    public Uni<Map<String, Instant>> erased(Collection<String[]> tenantAndHashes) {
        if (tenantAndHashes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Map<String, String>> keys = tenantAndHashes.stream()
                .map(key -> Map.of("tenant", key[0], "hash", key[1])).toList();
        return Sql.rows("select e.value_hash, e.erased_at from json_to_recordset(cast(cast(?1 as text) as json)) "
                + "as w(tenant text, hash text) join erased_identity e on e.tenant = w.tenant "
                + "and e.value_hash = w.hash", json(keys)).map(rows -> {
                    Map<String, Instant> found = new HashMap<>();
                    rows.forEach(row -> found.put((String) row[0], IdentityRepository.instant(row[1])));
                    return found;
                });
    }

    /** Every held identity equal to one of {@code identities}, by tenant. */
    public Uni<Map<String, List<KnownIdentity>>> matches(Collection<TenantIdentity> identities) {
        if (identities.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Sql.rows("select i.tenant, i.kind, i.value, i.verified, i.profile_id, p.created_at "
                + "from json_to_recordset(cast(cast(?1 as text) as json)) as w(tenant text, kind text, value text) "
                + "join profile_identity i on i.tenant = w.tenant and i.kind = w.kind and i.value = w.value "
                + "join customer_profile p on p.id = i.profile_id", json(identities.stream()
                .map(wanted -> Map.of("tenant", wanted.tenant(), "kind", wanted.identity().kind().wireName(),
                        "value", wanted.identity().value())).toList())).map(rows -> {
                            Map<String, List<KnownIdentity>> byTenant = new HashMap<>();
                            for (Object[] row : rows) {
                                byTenant.computeIfAbsent((String) row[0], tenant -> new ArrayList<>())
                                        .add(new KnownIdentity(new Identity(IdentityKind.fromWire((String) row[1])
                                                .orElseThrow(), (String) row[2]), (Boolean) row[3], (UUID) row[4],
                                                IdentityRepository.instant(row[5])));
                            }
                            return byTenant;
                        });
    }

    /** Inserts the touchpoints in one statement; answers the source event ids actually inserted. */
    public Uni<Set<String>> insert(List<Touchpoint> touchpoints) {
        if (touchpoints.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        StringBuilder sql = new StringBuilder("insert into touchpoint (id, profile_id, tenant, kind, source_event_id, "
                + "channel, stage, touchpoint, survey_id, response_id, score, csat, sentiment, comment, detail, "
                + "occurred_at, recorded_at) values ");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < touchpoints.size(); i++) {
            Touchpoint row = touchpoints.get(i);
            int at = parameters.size();
            sql.append(i == 0 ? "" : ", ").append("(?").append(at + 1).append(", ?").append(at + 2)
                    .append(", ?").append(at + 3).append(", ?").append(at + 4).append(", ?").append(at + 5)
                    .append(", cast(?").append(at + 6).append(" as text), cast(?").append(at + 7)
                    .append(" as text), cast(?").append(at + 8).append(" as text), cast(?").append(at + 9)
                    .append(" as text), cast(?").append(at + 10).append(" as text), cast(?").append(at + 11)
                    .append(" as integer), cast(?").append(at + 12).append(" as numeric), cast(?").append(at + 13)
                    .append(" as numeric), cast(?").append(at + 14).append(" as text), cast(?").append(at + 15)
                    .append(" as text), ?").append(at + 16).append(", ?").append(at + 17).append(")");
            parameters.addAll(Arrays.asList(row.id, row.profileId, row.tenant, row.kind, row.sourceEventId,
                    row.channel, row.stage, row.touchpoint, row.surveyId, row.responseId, row.score, row.csat,
                    row.sentiment, row.comment, row.detail, row.occurredAt, row.recordedAt));
        }
        sql.append(" on conflict (tenant, source_event_id) do nothing returning source_event_id");
        return Sql.rows(sql.toString(), parameters.toArray()).map(rows -> {
            Set<String> inserted = new HashSet<>();
            rows.forEach(row -> inserted.add((String) row[0]));
            return inserted;
        });
    }

    /** Adds a batch's contributions to the computed traits, one statement for every profile. */
    public Uni<Integer> addToComputed(List<ComputedDelta> deltas, Instant now) {
        if (deltas.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        StringBuilder values = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        parameters.add(now);
        for (int i = 0; i < deltas.size(); i++) {
            ComputedDelta delta = deltas.get(i);
            int at = parameters.size();
            values.append(i == 0 ? "" : ", ").append("(cast(?").append(at + 1).append(" as uuid), cast(?")
                    .append(at + 2).append(" as integer), cast(?").append(at + 3).append(" as integer), cast(?")
                    .append(at + 4).append(" as timestamptz), cast(?").append(at + 5).append(" as numeric), cast(?")
                    .append(at + 6).append(" as integer), cast(?").append(at + 7).append(" as timestamptz), cast(?")
                    .append(at + 8).append(" as text))");
            parameters.addAll(Arrays.asList(delta.profileId(), delta.responses(), delta.lastNps(),
                    delta.lastNpsAt(), delta.csatSum(), delta.csatCount(), delta.lastContactAt(),
                    delta.lastChannel()));
        }
        return Sql.update("""
                update customer_profile p set
                    response_count = p.response_count + v.responses,
                    last_nps = case when v.nps_at is not null
                                     and (p.last_nps_at is null or p.last_nps_at <= v.nps_at)
                                    then v.nps else p.last_nps end,
                    last_nps_at = case when v.nps_at is not null
                                        and (p.last_nps_at is null or p.last_nps_at <= v.nps_at)
                                       then v.nps_at else p.last_nps_at end,
                    csat_sum = p.csat_sum + v.csat_sum,
                    csat_count = p.csat_count + v.csat_count,
                    last_channel = case when v.contact_at is not null
                                        and (p.last_contact_at is null or p.last_contact_at <= v.contact_at)
                                        then v.channel else p.last_channel end,
                    last_contact_at = greatest(p.last_contact_at, v.contact_at),
                    updated_at = ?1
                from (values %s) as v(id, responses, nps, nps_at, csat_sum, csat_count, contact_at, channel)
                where p.id = v.id""".formatted(values), parameters.toArray());
    }

    /** Marks the identities a batch named as seen now (each with the trust it was named with), one statement. */
    public Uni<Integer> touch(Map<TenantIdentity, Boolean> verifiedByIdentity, Instant now) {
        if (verifiedByIdentity.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Map<String, Object>> seen = new ArrayList<>();
        verifiedByIdentity.forEach((identity, verified) -> seen.add(Map.of("tenant", identity.tenant(),
                "kind", identity.identity().kind().wireName(), "value", identity.identity().value(),
                "verified", verified)));
        return Sql.update("update profile_identity i set last_seen_at = ?1 "
                + "from json_to_recordset(cast(cast(?2 as text) as json)) "
                + "as w(tenant text, kind text, value text, verified boolean) where i.tenant = w.tenant "
                + "and i.kind = w.kind and i.value = w.value and i.verified = w.verified", now, json(seen));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
