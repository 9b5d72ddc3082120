package io.hearken.profile.repository;

import io.hearken.profile.domain.SegmentRule;
import io.hearken.profile.domain.TraitType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Date;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Saved segments, and their rules turned into SQL over profiles, traits and touchpoints. Every value reaches
 * PostgreSQL as a parameter; only column names and operators chosen from fixed lists are written into the text.
 */
@ApplicationScoped
public class SegmentRepository {

    /** A saved segment. */
    public record SavedSegment(UUID id, String tenant, String name, String rule, Instant createdAt) {
    }

    public Uni<Integer> save(SavedSegment segment) {
        return Sql.update("insert into segment (id, tenant, name, rule, created_at) values (?1, ?2, ?3, ?4, ?5)",
                segment.id(), segment.tenant(), segment.name(), segment.rule(), segment.createdAt());
    }

    public Uni<List<SavedSegment>> list(String tenant) {
        return Sql.rows("select id, tenant, name, rule, created_at from segment where tenant = ?1 order by name",
                tenant).map(rows -> rows.stream().map(SegmentRepository::segment).toList());
    }

    /** A page of the tenant's segments by name (then id), after the segment named {@code afterName} (null: first). */
    public Uni<List<SavedSegment>> page(String tenant, String afterName, UUID afterId, int limit) {
        String select = "select id, tenant, name, rule, created_at from segment where tenant = ?1";
        Uni<List<Object[]>> rows = afterName == null
                ? Sql.rows(select + " order by name, id limit ?2", tenant, limit)
                : Sql.rows(select + " and (name, id) > (?2, ?3) order by name, id limit ?4", tenant, afterName, afterId,
                        limit);
        return rows.map(found -> found.stream().map(SegmentRepository::segment).toList());
    }

    public Uni<Optional<SavedSegment>> find(String tenant, UUID id) {
        return Sql.rows("select id, tenant, name, rule, created_at from segment where tenant = ?1 and id = ?2",
                tenant, id).map(rows -> rows.stream().findFirst().map(SegmentRepository::segment));
    }

    public Uni<Integer> delete(String tenant, UUID id) {
        return Sql.update("delete from segment where tenant = ?1 and id = ?2", tenant, id);
    }

    private static SavedSegment segment(Object[] row) {
        return new SavedSegment((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                IdentityRepository.instant(row[4]));
    }

    /** How many live profiles of the tenant the rule selects. */
    public Uni<Long> count(String tenant, SegmentRule rule, Instant now) {
        List<Object> parameters = new ArrayList<>(List.of(tenant));
        String where = where(rule, parameters, now);
        return Sql.rows("select count(*) from customer_profile p where p.tenant = ?1 and p.merged_into is null and "
                + where, parameters.toArray()).map(rows -> ((Number) rows.get(0)[0]).longValue());
    }

    /** Ids of the profiles the rule selects, by id, after {@code after}. */
    public Uni<List<UUID>> members(String tenant, SegmentRule rule, UUID after, int limit, Instant now) {
        List<Object> parameters = new ArrayList<>(List.of(tenant));
        String where = where(rule, parameters, now);
        String keyset = "";
        if (after != null) {
            parameters.add(after);
            keyset = " and p.id > ?" + parameters.size();
        }
        parameters.add(limit);
        return Sql.rows("select p.id from customer_profile p where p.tenant = ?1 and p.merged_into is null and "
                        + where + keyset + " order by p.id limit ?" + parameters.size(), parameters.toArray())
                .map(rows -> rows.stream().map(row -> (UUID) row[0]).toList());
    }

    /** A segment's id with its rule, parsed: what {@link #memberships} evaluates. */
    public record SegmentDefinition(UUID id, SegmentRule rule) {
    }

    /**
     * Which of {@code segments} each of {@code profiles} is in now, in one statement whatever the number of segments
     * and profiles: each rule becomes one {@code case} of a lateral list, so PostgreSQL evaluates every rule for every
     * profile in one round trip. A profile in no segment is absent from the answer.
     */
    public Uni<Map<UUID, List<String>>> memberships(String tenant, List<SegmentDefinition> segments,
                                                     Collection<UUID> profiles, Instant now) {
        if (segments.isEmpty() || profiles.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Object> parameters = new ArrayList<>(List.of(tenant));
        List<String> cases = new ArrayList<>();
        for (SegmentDefinition segment : segments) {
            String where = where(segment.rule(), parameters, now);
            parameters.add(segment.id().toString());
            cases.add("(case when " + where + " then cast(?" + parameters.size() + " as text) end)");
        }
        List<String> ids = new ArrayList<>();
        for (UUID profile : profiles) {
            parameters.add(profile);
            ids.add("?" + parameters.size());
        }
        return Sql.rows("select p.id, m.segment from customer_profile p cross join lateral (values "
                        + String.join(", ", cases) + ") as m(segment) where p.tenant = ?1 and p.id in ("
                        + String.join(", ", ids) + ") and m.segment is not null order by p.id, m.segment",
                parameters.toArray()).map(rows -> {
                    Map<UUID, List<String>> members = new HashMap<>();
                    rows.forEach(row -> members.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                            .add((String) row[1]));
                    return members;
                });
    }

    /** The SQL condition for a rule over profile {@code p}; appends its values to {@code parameters}. */
    static String where(SegmentRule rule, List<Object> parameters, Instant now) {
        if (rule instanceof SegmentRule.All all) {
            return join(all.rules(), " and ", parameters, now);
        }
        if (rule instanceof SegmentRule.Any any) {
            return join(any.rules(), " or ", parameters, now);
        }
        if (rule instanceof SegmentRule.TraitCondition trait) {
            return trait(trait, parameters);
        }
        if (rule instanceof SegmentRule.FactCondition fact) {
            return fact(fact, parameters, now);
        }
        return timeline((SegmentRule.TimelineCondition) rule, parameters, now);
    }

    private static String join(List<SegmentRule> rules, String operator, List<Object> parameters, Instant now) {
        List<String> parts = new ArrayList<>();
        for (SegmentRule rule : rules) {
            parts.add(where(rule, parameters, now));
        }
        return "(" + String.join(operator, parts) + ")";
    }

    private static String trait(SegmentRule.TraitCondition condition, List<Object> parameters) {
        parameters.add(condition.key());
        String key = "?" + parameters.size();
        if (condition.op() == SegmentRule.Operator.EXISTS) {
            return "exists (select 1 from profile_trait t where t.profile_id = p.id and t.key = " + key + ")";
        }
        String column = switch (condition.type()) {
            case STRING -> "t.text_value";
            case NUMBER -> "t.num_value";
            case BOOLEAN -> "t.bool_value";
            case DATE -> "t.date_value";
        };
        parameters.add(condition.type() == TraitType.DATE ? Date.valueOf((String) condition.value())
                : condition.value());
        return "exists (select 1 from profile_trait t where t.profile_id = p.id and t.key = " + key + " and "
                + column + " " + sql(condition.op()) + " ?" + parameters.size() + ")";
    }

    private static String fact(SegmentRule.FactCondition condition, List<Object> parameters, Instant now) {
        String column = switch (condition.fact()) {
            case RESPONSE_COUNT -> "p.response_count";
            case LAST_NPS -> "p.last_nps";
            case AVERAGE_CSAT -> "(case when p.csat_count = 0 then null else p.csat_sum / p.csat_count end)";
            case DAYS_SINCE_LAST_CONTACT -> {
                parameters.add(now);
                yield "extract(epoch from (cast(?" + parameters.size() + " as timestamptz) - p.last_contact_at)) "
                        + "/ 86400";
            }
            case CHURN_RISK -> "p.churn_risk";
            case TRUST -> "p.trust";
        };
        if (condition.op() == SegmentRule.Operator.EXISTS) {
            return column + " is not null";
        }
        parameters.add(condition.value());
        return column + " " + sql(condition.op()) + " ?" + parameters.size();
    }

    private static String timeline(SegmentRule.TimelineCondition condition, List<Object> parameters, Instant now) {
        StringBuilder sql = new StringBuilder("exists (select 1 from touchpoint tp where tp.profile_id = p.id");
        equal(sql, parameters, "tp.kind", condition.kind());
        equal(sql, parameters, "tp.channel", condition.channel());
        equal(sql, parameters, "tp.stage", condition.stage());
        if (condition.scoreMin() != null) {
            parameters.add(condition.scoreMin());
            sql.append(" and tp.score >= ?").append(parameters.size());
        }
        if (condition.scoreMax() != null) {
            parameters.add(condition.scoreMax());
            sql.append(" and tp.score <= ?").append(parameters.size());
        }
        if (condition.withinDays() != null) {
            parameters.add(now.minus(condition.withinDays(), ChronoUnit.DAYS));
            sql.append(" and tp.occurred_at >= ?").append(parameters.size());
        }
        return sql.append(")").toString();
    }

    private static void equal(StringBuilder sql, List<Object> parameters, String column, String value) {
        if (value != null) {
            parameters.add(value);
            sql.append(" and ").append(column).append(" = ?").append(parameters.size());
        }
    }

    private static String sql(SegmentRule.Operator op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            case EXISTS -> throw new IllegalArgumentException("exists has no comparison");
        };
    }
}
