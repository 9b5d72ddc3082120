package io.hearken.insight.repository;

import io.hearken.insight.domain.CaseOutcome;
import io.hearken.insight.domain.CaseResolution;
import io.hearken.insight.domain.CaseStatus;
import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.domain.MeasuredRecovery;
import io.hearken.insight.domain.Priority;
import io.hearken.insight.domain.ScaleScore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.hearken.insight.repository.AlertRepository.scaleScore;
import static io.hearken.insight.repository.AlertRepository.utc;

/**
 * Recovery measured after follow-up cases (table {@code case_recovery}): the first answer a customer gave after
 * their case was resolved, on the scale of the answer that raised it, and whether it shows recovery. Recorded once
 * per case, so a later answer never replaces the next one.
 */
@ApplicationScoped
public class RecoveryRepository {

    private final Pool pool;

    public RecoveryRepository(Pool pool) {
        this.pool = pool;
    }

    /** Recovery counts of one case outcome. */
    public record OutcomeRecovery(CaseOutcome outcome, long measured, long recovered) {
    }

    /**
     * Which of these customers have a resolved case still waiting for its recovery to be measured, in one statement
     * for a whole batch: most customers have none, and only those that do need {@link #awaitingRecovery}.
     */
    public static Uni<Set<ChurnSignalsRepository.CustomerRef>> customersAwaitingRecovery(
            SqlConnection connection, List<ChurnSignalsRepository.CustomerRef> customers) {
        return connection.preparedQuery("""
                        select k.tenant, k.customer_key
                        from unnest($1::text[], $2::text[]) as k(tenant, customer_key)
                        where exists (select 1 from follow_up_case c left join case_recovery r on r.case_id = c.id
                                      where c.tenant = k.tenant and c.customer_id = k.customer_key
                                        and c.status = 'RESOLVED' and r.case_id is null
                                        and c.triggering_scale is not null)
                           or exists (select 1 from alert a join follow_up_case c on c.alert_id = a.id
                                      left join case_recovery r on r.case_id = c.id
                                      where a.tenant = k.tenant and a.respondent_email = k.customer_key
                                        and c.tenant = k.tenant and c.customer_id is null
                                        and c.status = 'RESOLVED' and r.case_id is null
                                        and c.triggering_scale is not null)""")
                .execute(ChurnSignalsRepository.CustomerRef.columns(customers))
                .map(rows -> {
                    Set<ChurnSignalsRepository.CustomerRef> awaiting = new HashSet<>();
                    for (Row row : rows) {
                        awaiting.add(new ChurnSignalsRepository.CustomerRef(row.getString("tenant"),
                                row.getString("customer_key")));
                    }
                    return awaiting;
                });
    }

    /**
     * The customer's resolved cases, resolved before {@code answeredAt}, with a triggering answer and no recovery
     * measured yet, in the caller's transaction (no notes or escalations: the domain needs none to measure).
     */
    public static Uni<List<FollowUpCase>> awaitingRecovery(SqlConnection connection, String tenant,
                                                           String customerKey, Instant answeredAt) {
        return connection.preparedQuery("""
                        select c.id, c.tenant, c.alert_id, c.profile_id, c.customer_id, c.priority, c.assignee,
                               c.triggering_scale, c.triggering_score, c.opened_at, c.due_at, c.resolved_at,
                               c.outcome, c.root_cause, c.resolved_by
                        from follow_up_case c join alert a on a.id = c.alert_id
                        left join case_recovery r on r.case_id = c.id
                        where c.tenant = $1 and c.status = 'RESOLVED' and r.case_id is null
                          and c.triggering_scale is not null and c.resolved_at < $3
                          and (c.customer_id = $2 or (c.customer_id is null and a.respondent_email = $2))""")
                .execute(Tuple.of(tenant, customerKey, utc(answeredAt)))
                .map(rows -> {
                    List<FollowUpCase> cases = new ArrayList<>();
                    for (Row row : rows) {
                        cases.add(new FollowUpCase(row.getString("id"), row.getString("tenant"),
                                row.getString("alert_id"), row.getString("profile_id"),
                                row.getString("customer_id"), Priority.valueOf(row.getString("priority")),
                                CaseStatus.RESOLVED, row.getString("assignee"), scaleScore(row),
                                row.getOffsetDateTime("opened_at").toInstant(),
                                row.getOffsetDateTime("due_at").toInstant(), List.of(), List.of(),
                                new CaseResolution(CaseOutcome.valueOf(row.getString("outcome")),
                                        row.getString("root_cause"), row.getString("resolved_by"),
                                        row.getOffsetDateTime("resolved_at").toInstant())));
                    }
                    return cases;
                });
    }

    /** Records what the customer's next answer showed, once per case. */
    public static Uni<Void> record(SqlConnection connection, FollowUpCase followUp, MeasuredRecovery recovery,
                                   ScaleScore answer, Instant answeredAt, String responseId, Instant now) {
        return connection.preparedQuery("""
                        insert into case_recovery (case_id, tenant, recovery, answer_scale, answer_score,
                                                   answered_at, response_id, measured_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)
                        on conflict (case_id) do nothing""")
                .execute(Tuple.tuple().addString(followUp.id()).addString(followUp.tenant())
                        .addString(recovery.name()).addString(answer.scale().name()).addInteger(answer.value())
                        .addOffsetDateTime(utc(answeredAt)).addString(responseId).addOffsetDateTime(utc(now)))
                .replaceWithVoid();
    }

    /** Per outcome, how many of the tenant's cases resolved in [from, to) have a recovery measured, and recovered. */
    public Uni<List<OutcomeRecovery>> summary(String tenant, Instant from, Instant to) {
        return pool.preparedQuery("""
                        select c.outcome, count(*) as measured,
                               count(*) filter (where r.recovery = 'RECOVERED') as recovered
                        from case_recovery r join follow_up_case c on c.id = r.case_id
                        where r.tenant = $1 and c.resolved_at >= $2 and c.resolved_at < $3
                        group by c.outcome order by c.outcome""")
                .execute(Tuple.of(tenant, utc(from), utc(to)))
                .map(rows -> {
                    List<OutcomeRecovery> counts = new ArrayList<>();
                    for (Row row : rows) {
                        counts.add(new OutcomeRecovery(CaseOutcome.valueOf(row.getString("outcome")),
                                row.getLong("measured"), row.getLong("recovered")));
                    }
                    return counts;
                });
    }
}
