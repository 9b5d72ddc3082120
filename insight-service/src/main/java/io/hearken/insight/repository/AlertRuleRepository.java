package io.hearken.insight.repository;

import io.hearken.insight.domain.AlertRule;
import io.hearken.insight.domain.AlertRuleParameters;
import io.hearken.insight.domain.AlertRuleType;
import io.hearken.insight.domain.Priority;
import io.hearken.insight.domain.ScoreMeasure;
import io.hearken.insight.domain.ScorePeriod;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenants' alert rules (table {@code alert_rule}), one row per rule with its parameters in nullable columns.
 * Every read and write names the tenant, so a rule of another tenant is as absent as one that never existed.
 */
@ApplicationScoped
public class AlertRuleRepository {

    private static final String COLUMNS = """
            id, tenant, name, type, threshold, keywords, score, period, survey_id, priority, enabled,
            created_at, updated_at""";

    private final Pool pool;

    public AlertRuleRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<StoredAlertRule> insert(AlertRule rule, Instant now) {
        Tuple row = definition(rule, now);
        return pool.preparedQuery("""
                        insert into alert_rule (id, tenant, name, type, threshold, keywords, score, period, survey_id,
                                                priority, enabled, created_at, updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)""")
                .execute(row)
                .replaceWith(new StoredAlertRule(rule, now, now));
    }

    /** Replaces the rule's definition; empty when the tenant has no such rule. */
    public Uni<Optional<StoredAlertRule>> update(AlertRule rule, Instant now) {
        Tuple row = definition(rule, now);
        return pool.preparedQuery("""
                        update alert_rule
                        set name = $3, type = $4, threshold = $5, keywords = $6, score = $7, period = $8,
                            survey_id = $9, priority = $10, enabled = $11, updated_at = $12
                        where id = $1 and tenant = $2
                        returning %s""".formatted(COLUMNS))
                .execute(row)
                .map(AlertRuleRepository::first);
    }

    /** Whether the tenant had the rule, which is now gone. Alerts it raised stay. */
    public Uni<Boolean> delete(String tenant, String id) {
        return pool.preparedQuery("delete from alert_rule where id = $1 and tenant = $2")
                .execute(Tuple.of(id, tenant))
                .map(result -> result.rowCount() > 0);
    }

    public Uni<Optional<StoredAlertRule>> find(String tenant, String id) {
        return pool.preparedQuery("select %s from alert_rule where id = $1 and tenant = $2".formatted(COLUMNS))
                .execute(Tuple.of(id, tenant))
                .map(AlertRuleRepository::first);
    }

    /** The tenant's rules, oldest first. */
    public Uni<List<StoredAlertRule>> list(String tenant) {
        return pool.preparedQuery("select %s from alert_rule where tenant = $1 order by created_at, id"
                        .formatted(COLUMNS))
                .execute(Tuple.of(tenant))
                .map(AlertRuleRepository::all);
    }

    /** The enabled rules of each of the tenants, in one query; a tenant without any is absent from the map. */
    public Uni<Map<String, List<AlertRule>>> enabledRulesOf(Collection<String> tenants) {
        return pool.preparedQuery("""
                        select %s from alert_rule
                        where tenant = any($1::text[]) and enabled
                        order by created_at, id""".formatted(COLUMNS))
                .execute(Tuple.of(tenants.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<AlertRule>> byTenant = new HashMap<>();
                    for (StoredAlertRule stored : all(rows)) {
                        byTenant.computeIfAbsent(stored.rule().tenant(), tenant -> new ArrayList<>())
                                .add(stored.rule());
                    }
                    return byTenant;
                });
    }

    /** Every tenant's enabled rules of {@code type}: what a periodic check (score drops) goes through. */
    public Uni<List<AlertRule>> enabledRulesOfType(AlertRuleType type) {
        return pool.preparedQuery("""
                        select %s from alert_rule
                        where type = $1 and enabled
                        order by tenant, created_at, id""".formatted(COLUMNS))
                .execute(Tuple.of(type.name()))
                .map(rows -> all(rows).stream().map(StoredAlertRule::rule).toList());
    }

    /** $1..$12: id, tenant, name, type, the four parameters, survey, priority, enabled, the time of writing. */
    private static Tuple definition(AlertRule rule, Instant now) {
        AlertRuleParameters parameters = rule.parameters();
        return Tuple.tuple()
                .addString(rule.id()).addString(rule.tenant()).addString(rule.name()).addString(rule.type().name())
                .addDouble(parameters.threshold()).addArrayOfString(keywords(parameters))
                .addString(nameOf(parameters.score())).addString(nameOf(parameters.period()))
                .addString(rule.surveyId()).addString(rule.priority().name()).addBoolean(rule.enabled())
                .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
    }

    private static Optional<StoredAlertRule> first(RowSet<Row> rows) {
        List<StoredAlertRule> found = all(rows);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<StoredAlertRule> all(RowSet<Row> rows) {
        List<StoredAlertRule> rules = new ArrayList<>();
        for (Row row : rows) {
            String[] keywords = row.getArrayOfStrings("keywords");
            String score = row.getString("score");
            String period = row.getString("period");
            AlertRuleParameters parameters = new AlertRuleParameters(row.getDouble("threshold"),
                    keywords == null ? null : Arrays.asList(keywords),
                    score == null ? null : ScoreMeasure.valueOf(score),
                    period == null ? null : ScorePeriod.valueOf(period));
            AlertRule rule = new AlertRule(row.getString("id"), row.getString("tenant"), row.getString("name"),
                    AlertRuleType.valueOf(row.getString("type")), parameters, row.getString("survey_id"),
                    Priority.valueOf(row.getString("priority")), row.getBoolean("enabled"));
            rules.add(new StoredAlertRule(rule, row.getOffsetDateTime("created_at").toInstant(),
                    row.getOffsetDateTime("updated_at").toInstant()));
        }
        return rules;
    }

    private static String[] keywords(AlertRuleParameters parameters) {
        return parameters.keywords().isEmpty() ? null : parameters.keywords().toArray(String[]::new);
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
