package io.hearken.insight.repository;

import io.hearken.insight.domain.AlertRuleType;
import io.hearken.insight.domain.CaseNote;
import io.hearken.insight.domain.CaseOutcome;
import io.hearken.insight.domain.CaseResolution;
import io.hearken.insight.domain.CaseStatus;
import io.hearken.insight.domain.Escalation;
import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.domain.MeasuredRecovery;
import io.hearken.insight.domain.Priority;
import io.hearken.insight.domain.Respondent;
import io.hearken.insight.domain.ScaleScore;
import io.hearken.insight.domain.ScoreScale;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import static io.hearken.insight.repository.AlertRepository.scaleScore;
import static io.hearken.insight.repository.AlertRepository.utc;

/**
 * Follow-up cases ({@code follow_up_case}) with their notes ({@code case_note}) and escalations
 * ({@code case_escalation}). A case is read whole, changed by the domain and saved with optimistic concurrency:
 * {@link #save} writes only if the version is still the one read, and appends the notes and escalations the change
 * added, so two people (or two sweeping instances) never both change the same version.
 */
@ApplicationScoped
public class CaseRepository {

    private static final String SELECT = """
            select c.id, c.tenant, c.alert_id, c.profile_id, c.customer_id, c.priority, c.status, c.assignee,
                   c.triggering_scale, c.triggering_score, c.opened_at, c.due_at, c.assigned_at, c.resolved_at,
                   c.outcome, c.root_cause, c.resolved_by, c.escalation_count, c.version,
                   a.rule_id, a.rule_name, a.rule_type, a.survey_id, a.response_id, a.reason, a.evidence, a.raised_at,
                   a.respondent_email, a.respondent_phone, a.respondent_verified,
                   r.recovery, r.answer_scale, r.answer_score, r.answered_at
            from follow_up_case c join alert a on a.id = c.alert_id
            left join case_recovery r on r.case_id = c.id
            """;

    private final Pool pool;

    public CaseRepository(Pool pool) {
        this.pool = pool;
    }

    /** The tenant's case with its notes and escalations, or empty when the tenant has no such case. */
    public Uni<Optional<StoredCase>> find(String tenant, String id) {
        return pool.withConnection(connection -> connection
                .preparedQuery(SELECT + " where c.id = $1 and c.tenant = $2")
                .execute(Tuple.of(id, tenant))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<StoredCase>empty());
                    }
                    Row row = rows.iterator().next();
                    return notes(connection, id).chain(notes -> escalations(connection, id)
                            .map(escalations -> Optional.of(read(row, notes, escalations))));
                }));
    }

    /** The tenant's cases matching the query, newest first, without their notes and escalations. */
    public Uni<List<StoredCase>> list(CaseQuery query, Instant now) {
        return pool.preparedQuery(SELECT + """
                         where c.tenant = $1
                           and ($2::text is null or c.status = $2)
                           and ($3::text is null or c.assignee = $3)
                           and ($4::text is null or c.priority = $4)
                           and (not $5 or (c.status <> 'RESOLVED' and c.due_at < $6))
                           and (cardinality($8::text[]) = 0 or a.response_id = any($8))
                           and ($9::timestamptz is null or c.opened_at < $9 or (c.opened_at = $9 and c.id > $10))
                         order by c.opened_at desc, c.id
                         limit $7""")
                .execute(Tuple.tuple().addString(query.tenant()).addString(nameOf(query.status()))
                        .addString(query.assignee()).addString(nameOf(query.priority())).addBoolean(query.overdue())
                        .addOffsetDateTime(utc(now)).addInteger(query.limit())
                        .addArrayOfString(query.responseIds().toArray(String[]::new))
                        .addOffsetDateTime(query.after() == null ? null : utc(query.after().at()))
                        .addString(query.after() == null ? null : query.after().id()))
                .map(rows -> {
                    List<StoredCase> cases = new ArrayList<>();
                    for (Row row : rows) {
                        cases.add(read(row, List.of(), List.of()));
                    }
                    return cases;
                });
    }

    /** Ids of unresolved cases past their deadline, of every tenant, most overdue first. */
    public Uni<List<CaseId>> overdue(Instant now, int limit) {
        return pool.preparedQuery("""
                        select tenant, id from follow_up_case
                        where status <> 'RESOLVED' and due_at < $1
                        order by due_at, id
                        limit $2""")
                .execute(Tuple.of(utc(now), limit))
                .map(rows -> {
                    List<CaseId> ids = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(new CaseId(row.getString("tenant"), row.getString("id")));
                    }
                    return ids;
                });
    }

    /** A case of a tenant. */
    public record CaseId(String tenant, String id) {
    }

    /**
     * Stores {@code after}, the domain's change of {@code before}, if the case is still at the version read: the
     * row, and the notes and escalations appended since. False, with nothing written, when someone else changed the
     * case first (the caller answers 409, or the sweep leaves it to the instance that won).
     */
    public Uni<Boolean> save(StoredCase before, FollowUpCase after, Instant now) {
        return save(before, after, now, connection -> Uni.createFrom().voidItem());
    }

    /**
     * {@link #save(StoredCase, FollowUpCase, Instant)}, running {@code alsoInTransaction} in the same transaction
     * when the case was written: what must commit with the change or not at all (the event announcing it).
     */
    public Uni<Boolean> save(StoredCase before, FollowUpCase after, Instant now,
                             Function<SqlConnection, Uni<Void>> alsoInTransaction) {
        FollowUpCase previous = before.followUpCase();
        if (previous.equals(after)) {
            return Uni.createFrom().item(true);
        }
        Instant assignedAt = Objects.equals(previous.assignee(), after.assignee()) ? before.assignedAt() : now;
        CaseResolution resolution = after.resolution();
        Tuple row = Tuple.tuple()
                .addString(after.id()).addInteger(before.version())
                .addString(after.priority().name()).addString(after.status().name()).addString(after.assignee())
                .addOffsetDateTime(utc(after.dueAt())).addOffsetDateTime(utc(assignedAt))
                .addOffsetDateTime(utc(resolution == null ? null : resolution.resolvedAt()))
                .addString(resolution == null ? null : resolution.outcome().name())
                .addString(resolution == null ? null : resolution.rootCause())
                .addString(resolution == null ? null : resolution.resolvedBy())
                .addInteger(after.escalations().size()).addOffsetDateTime(utc(now));
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        update follow_up_case
                        set priority = $3, status = $4, assignee = $5, due_at = $6, assigned_at = $7,
                            resolved_at = $8, outcome = $9, root_cause = $10, resolved_by = $11,
                            escalation_count = $12, updated_at = $13, version = version + 1
                        where id = $1 and version = $2""")
                .execute(row)
                .chain(updated -> {
                    if (updated.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    return appendNotes(connection, previous, after)
                            .chain(() -> appendEscalations(connection, previous, after))
                            .chain(() -> alsoInTransaction.apply(connection))
                            .replaceWith(true);
                }));
    }

    private static Uni<Void> appendNotes(SqlConnection connection, FollowUpCase previous, FollowUpCase after) {
        List<Tuple> rows = new ArrayList<>();
        for (int position = previous.notes().size(); position < after.notes().size(); position++) {
            CaseNote note = after.notes().get(position);
            rows.add(Tuple.of(after.id(), position, note.author(), utc(note.at()), note.text()));
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        insert into case_note (case_id, position, author, at, text) values ($1, $2, $3, $4, $5)""")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    private static Uni<Void> appendEscalations(SqlConnection connection, FollowUpCase previous, FollowUpCase after) {
        List<Tuple> rows = new ArrayList<>();
        for (int position = previous.escalations().size(); position < after.escalations().size(); position++) {
            Escalation escalation = after.escalations().get(position);
            rows.add(Tuple.tuple().addString(after.id()).addInteger(position).addOffsetDateTime(utc(escalation.at()))
                    .addString(escalation.from().name()).addString(escalation.to().name())
                    .addOffsetDateTime(utc(escalation.missedDeadline()))
                    .addOffsetDateTime(utc(escalation.newDeadline())));
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        insert into case_escalation (case_id, position, at, from_priority, to_priority,
                                                     missed_deadline, new_deadline)
                        values ($1, $2, $3, $4, $5, $6, $7)""")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    private static Uni<List<CaseNote>> notes(SqlConnection connection, String caseId) {
        return connection.preparedQuery("select author, at, text from case_note where case_id = $1 order by position")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    List<CaseNote> notes = new ArrayList<>();
                    for (Row row : rows) {
                        notes.add(new CaseNote(row.getString("author"), instant(row, "at"), row.getString("text")));
                    }
                    return notes;
                });
    }

    private static Uni<List<Escalation>> escalations(SqlConnection connection, String caseId) {
        return connection.preparedQuery("""
                        select at, from_priority, to_priority, missed_deadline, new_deadline
                        from case_escalation where case_id = $1 order by position""")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    List<Escalation> escalations = new ArrayList<>();
                    for (Row row : rows) {
                        escalations.add(new Escalation(instant(row, "at"),
                                Priority.valueOf(row.getString("from_priority")),
                                Priority.valueOf(row.getString("to_priority")), instant(row, "missed_deadline"),
                                instant(row, "new_deadline")));
                    }
                    return escalations;
                });
    }

    private static StoredCase read(Row row, List<CaseNote> notes, List<Escalation> escalations) {
        String outcome = row.getString("outcome");
        CaseResolution resolution = outcome == null ? null : new CaseResolution(CaseOutcome.valueOf(outcome),
                row.getString("root_cause"), row.getString("resolved_by"), instant(row, "resolved_at"));
        FollowUpCase followUp = new FollowUpCase(row.getString("id"), row.getString("tenant"),
                row.getString("alert_id"), row.getString("profile_id"), row.getString("customer_id"),
                Priority.valueOf(row.getString("priority")), CaseStatus.valueOf(row.getString("status")),
                row.getString("assignee"), scaleScore(row), instant(row, "opened_at"), instant(row, "due_at"), notes,
                escalations, resolution);
        StoredCase.AlertSummary alert = new StoredCase.AlertSummary(row.getString("rule_id"),
                row.getString("rule_name"), AlertRuleType.valueOf(row.getString("rule_type")),
                row.getString("survey_id"), row.getString("response_id"), row.getString("reason"),
                row.getString("evidence"), instant(row, "raised_at"));
        Respondent respondent = new Respondent(row.getString("customer_id"), row.getString("respondent_email"),
                row.getString("respondent_phone"), row.getBoolean("respondent_verified"));
        String recovery = row.getString("recovery");
        StoredCase.Recovery measured = recovery == null ? null : new StoredCase.Recovery(
                MeasuredRecovery.valueOf(recovery), new ScaleScore(ScoreScale.valueOf(row.getString("answer_scale")),
                row.getInteger("answer_score")), instant(row, "answered_at"));
        return new StoredCase(followUp, row.getInteger("version"), instant(row, "assigned_at"),
                row.getInteger("escalation_count"), alert, respondent, measured);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
