package io.hearken.insight.repository;

import io.hearken.insight.domain.Alert;
import io.hearken.insight.domain.AlertRuleType;
import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.domain.Priority;
import io.hearken.insight.domain.Respondent;
import io.hearken.insight.domain.ScaleScore;
import io.hearken.insight.domain.ScoreScale;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Raised alerts (table {@code alert}) and the follow-up case each opened ({@code follow_up_case}). Alerts and cases
 * are stored together, once each: their ids derive from the rule and the source event, so storing a redelivered
 * event's alerts again changes nothing.
 */
@ApplicationScoped
public class AlertRepository {

    private static final String SELECT = """
            select a.id, a.tenant, a.rule_id, a.rule_name, a.rule_type, a.priority, a.source_id, a.response_id,
                   a.survey_id, a.profile_id, a.customer_id, a.reason, a.evidence, a.triggering_scale,
                   a.triggering_score, a.raised_at, c.id as case_id, c.due_at
            from alert a join follow_up_case c on c.alert_id = a.id
            """;

    private final Pool pool;

    public AlertRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * An alert to store, with the name of the rule that raised it, the case it opens and the respondent as the
     * response named them (kept with the alert, to say whom the case's resolution is about).
     */
    public record NewAlert(Alert alert, String ruleName, FollowUpCase followUpCase, Respondent respondent) {
    }

    /**
     * Stores the alerts with their cases in one transaction, {@code on conflict do nothing}, and returns every one of
     * them as kept afterwards, those stored before included (a redelivery): what is returned is what to announce.
     * {@code whenOpened} runs in the same transaction with the alerts whose cases this call opened (not those a
     * previous delivery opened).
     */
    public Uni<List<RaisedAlert>> raise(List<NewAlert> alerts, Instant now,
                                        BiFunction<SqlConnection, List<NewAlert>, Uni<Void>> whenOpened) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Tuple> alertRows = alerts.stream().map(AlertRepository::alertRow).toList();
        List<Tuple> caseRows = alerts.stream().map(raised -> caseRow(raised.followUpCase(), now)).toList();
        String[] ids = alerts.stream().map(raised -> raised.alert().id()).toArray(String[]::new);
        return pool.withTransaction(connection -> alreadyStored(connection, ids)
                        .chain(stored -> insertAlerts(connection, alertRows)
                                .chain(() -> insertCases(connection, caseRows))
                                .chain(() -> whenOpened.apply(connection, alerts.stream()
                                        .filter(raised -> !stored.contains(raised.alert().id())).toList())))
                        .chain(() -> connection.preparedQuery(SELECT + " where a.id = any($1::text[])")
                                .execute(Tuple.of(ids))))
                .map(AlertRepository::read);
    }

    /** The tenant's alerts, newest first. */
    public Uni<List<RaisedAlert>> list(String tenant, ListPosition after, int limit) {
        return pool.preparedQuery(SELECT + """
                         where a.tenant = $1
                           and ($3::timestamptz is null or a.raised_at < $3 or (a.raised_at = $3 and a.id > $4))
                         order by a.raised_at desc, a.id limit $2""")
                .execute(Tuple.of(tenant, limit, after == null ? null : utc(after.at()),
                        after == null ? null : after.id()))
                .map(AlertRepository::read);
    }

    private static Uni<Set<String>> alreadyStored(SqlConnection connection, String[] ids) {
        return connection.preparedQuery("select id from alert where id = any($1::text[])")
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Set<String> stored = new HashSet<>();
                    rows.forEach(row -> stored.add(row.getString("id")));
                    return stored;
                });
    }

    private static Uni<RowSet<Row>> insertAlerts(SqlConnection connection, List<Tuple> rows) {
        return connection.preparedQuery("""
                        insert into alert (id, tenant, rule_id, rule_name, rule_type, priority, source_id, response_id,
                                           survey_id, profile_id, customer_id, reason, evidence, triggering_scale,
                                           triggering_score, raised_at, respondent_email, respondent_phone,
                                           respondent_verified)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
                        on conflict (id) do nothing""")
                .executeBatch(rows);
    }

    private static Uni<RowSet<Row>> insertCases(SqlConnection connection, List<Tuple> rows) {
        return connection.preparedQuery("""
                        insert into follow_up_case (id, alert_id, tenant, profile_id, customer_id, priority, status,
                                                    triggering_scale, triggering_score, opened_at, due_at,
                                                    updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                        on conflict (id) do nothing""")
                .executeBatch(rows);
    }

    private static Tuple alertRow(NewAlert raised) {
        Alert alert = raised.alert();
        String ruleName = raised.ruleName();
        Respondent respondent = raised.respondent();
        ScaleScore score = alert.triggeringScore();
        return Tuple.tuple()
                .addString(alert.id()).addString(alert.tenant()).addString(alert.ruleId()).addString(ruleName)
                .addString(alert.ruleType().name()).addString(alert.priority().name()).addString(alert.sourceId())
                .addString(alert.responseId()).addString(alert.surveyId()).addString(alert.profileId())
                .addString(alert.customerId()).addString(alert.reason()).addString(alert.evidence())
                .addString(score == null ? null : score.scale().name())
                .addInteger(score == null ? null : score.value())
                .addOffsetDateTime(utc(alert.raisedAt()))
                .addString(respondent.email()).addString(respondent.phone()).addBoolean(respondent.verified());
    }

    private static Tuple caseRow(FollowUpCase followUp, Instant now) {
        ScaleScore score = followUp.triggeringScore();
        return Tuple.tuple()
                .addString(followUp.id()).addString(followUp.alertId()).addString(followUp.tenant())
                .addString(followUp.profileId()).addString(followUp.customerId())
                .addString(followUp.priority().name()).addString(followUp.status().name())
                .addString(score == null ? null : score.scale().name())
                .addInteger(score == null ? null : score.value())
                .addOffsetDateTime(utc(followUp.openedAt())).addOffsetDateTime(utc(followUp.dueAt()))
                .addOffsetDateTime(utc(now));
    }

    private static List<RaisedAlert> read(RowSet<Row> rows) {
        List<RaisedAlert> alerts = new ArrayList<>();
        for (Row row : rows) {
            Alert alert = new Alert(row.getString("id"), row.getString("tenant"), row.getString("rule_id"),
                    AlertRuleType.valueOf(row.getString("rule_type")), Priority.valueOf(row.getString("priority")),
                    row.getString("source_id"), row.getString("response_id"), row.getString("survey_id"),
                    row.getString("profile_id"), row.getString("customer_id"), row.getString("reason"),
                    row.getString("evidence"), scaleScore(row), row.getOffsetDateTime("raised_at").toInstant());
            alerts.add(new RaisedAlert(alert, row.getString("rule_name"), row.getString("case_id"),
                    row.getOffsetDateTime("due_at").toInstant()));
        }
        return alerts;
    }

    /** The triggering score of an alert or case row, or null. */
    static ScaleScore scaleScore(Row row) {
        String scale = row.getString("triggering_scale");
        return scale == null ? null : new ScaleScore(ScoreScale.valueOf(scale), row.getInteger("triggering_score"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
