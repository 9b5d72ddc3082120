package io.hearken.insight.repository;

import io.hearken.insight.domain.CustomerOutcomeFacts;
import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.Grain;
import io.hearken.insight.domain.OutcomeCounts;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Outcomes by NPS group (table {@code outcome_rollup}) and each profile's purchases so far (table
 * {@code customer_purchases}), kept from profile events in order: an outcome counts once by event id, a merge moves the
 * merged profile's purchases to the survivor once by merge id, an erasure forgets the profile's purchases.
 */
@ApplicationScoped
public class OutcomeRepository {

    private final Pool pool;

    public OutcomeRepository(Pool pool) {
        this.pool = pool;
    }

    /** A profile event that concerns outcomes, in the order read. */
    public record ProfileChange(CustomerOutcomeFacts outcome, Merge merge, Erasure erasure) {
    }

    public record Merge(String mergeId, String tenant, String mergedId, String survivorId) {
    }

    public record Erasure(String tenant, String profileId) {
    }

    /** Applies the changes in order, in one transaction, each outcome and merge once for {@code consumer}. */
    public Uni<Void> apply(String consumer, List<ProfileChange> changes, Function<String, ZoneId> zones) {
        return pool.withTransaction(connection -> Multi.createFrom().iterable(changes)
                .onItem().transformToUniAndConcatenate(change -> {
                    if (change.outcome() != null) {
                        return count(connection, consumer, change.outcome(), zones.apply(change.outcome().tenant()));
                    }
                    if (change.merge() != null) {
                        return move(connection, consumer, change.merge());
                    }
                    return connection.preparedQuery("delete from customer_purchases where tenant = $1 "
                                    + "and profile_id = $2")
                            .execute(Tuple.of(change.erasure().tenant(), change.erasure().profileId()))
                            .replaceWithVoid();
                })
                .collect().last()
                .replaceWithVoid());
    }

    private static Uni<Boolean> firstTime(SqlConnection connection, String consumer, String eventId) {
        return connection.preparedQuery("insert into processed_event (consumer, event_id) values ($1, $2) "
                        + "on conflict do nothing")
                .execute(Tuple.of(consumer, eventId))
                .map(rows -> rows.rowCount() == 1);
    }

    private static Uni<Void> count(SqlConnection connection, String consumer, CustomerOutcomeFacts outcome,
                                   ZoneId zone) {
        return firstTime(connection, consumer, outcome.eventId()).chain(fresh -> {
            if (!fresh) {
                return Uni.createFrom().voidItem();
            }
            Uni<Boolean> repeat = outcome.outcome() != CustomerOutcomeFacts.Outcome.PURCHASE
                    ? Uni.createFrom().item(false)
                    : connection.preparedQuery("""
                                    insert into customer_purchases (tenant, profile_id, purchases) values ($1, $2, 1)
                                    on conflict (tenant, profile_id)
                                    do update set purchases = customer_purchases.purchases + 1
                                    returning purchases""")
                            .execute(Tuple.of(outcome.tenant(), outcome.profileId()))
                            .map(rows -> rows.iterator().next().getLong("purchases") > 1);
            return repeat.chain(isRepeat -> add(connection, outcome, outcome.counts(isRepeat), zone));
        });
    }

    private static Uni<Void> add(SqlConnection connection, CustomerOutcomeFacts outcome, OutcomeCounts counts,
                                 ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(outcome.occurredAt(), zone);
        List<Tuple> rows = new ArrayList<>();
        for (String segment : outcome.countedIn()) {
            for (Grain grain : Grain.values()) {
                rows.add(Tuple.tuple(List.of(outcome.tenant(), grain.code(), grain.bucketOf(day), outcome.groupName(),
                        outcome.journeyStage() == null ? "" : outcome.journeyStage(), counts.purchases(),
                        counts.repeatPurchases(), counts.renewals(), counts.cancellations(), segment)));
            }
        }
        return connection.preparedQuery("""
                        insert into outcome_rollup (tenant, grain, bucket, nps_group, journey_stage, purchases,
                            repeat_purchases, renewals, cancellations, segment)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                        on conflict (tenant, segment, grain, bucket, nps_group, journey_stage) do update set
                            purchases = outcome_rollup.purchases + excluded.purchases,
                            repeat_purchases = outcome_rollup.repeat_purchases + excluded.repeat_purchases,
                            renewals = outcome_rollup.renewals + excluded.renewals,
                            cancellations = outcome_rollup.cancellations + excluded.cancellations""")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    private static Uni<Void> move(SqlConnection connection, String consumer, Merge merge) {
        return firstTime(connection, consumer, merge.mergeId()).chain(fresh -> !fresh
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery("""
                                with moved as (
                                    delete from customer_purchases where tenant = $1 and profile_id = $2
                                    returning purchases)
                                insert into customer_purchases (tenant, profile_id, purchases)
                                select $1, $3, purchases from moved
                                on conflict (tenant, profile_id)
                                do update set purchases = customer_purchases.purchases + excluded.purchases""")
                        .execute(Tuple.of(merge.tenant(), merge.mergedId(), merge.survivorId()))
                        .replaceWithVoid());
    }

    /**
     * The outcomes of the customers of {@code segment} ({@code *}: every customer) over the buckets tiling
     * {@code spans} per NPS group and journey stage, by the first day of each bucket when {@code perBucket} (a
     * trend), else summed (bucket null).
     */
    public Uni<List<OutcomeCount>> counts(String tenant, String segment, List<DateRange.BucketSpan> spans,
                                          boolean perBucket) {
        List<Object> parameters = new ArrayList<>(List.of(tenant, segment));
        String bucket = perBucket ? "bucket" : "null::date";
        StringBuilder sql = new StringBuilder("select " + bucket + " as bucket, nps_group, journey_stage, "
                + "sum(purchases) as purchases, sum(repeat_purchases) as repeat_purchases, "
                + "sum(renewals) as renewals, sum(cancellations) as cancellations from outcome_rollup "
                + "where tenant = $1 and segment = $2");
        RollupRepository.appendSpans(sql, parameters, spans);
        sql.append(" group by ").append(perBucket ? "bucket, " : "").append("nps_group, journey_stage");
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(parameters)).map(rows -> {
            List<OutcomeCount> counts = new ArrayList<>();
            for (Row row : rows) {
                counts.add(new OutcomeCount(row.getLocalDate("bucket"), row.getString("nps_group"),
                        row.getString("journey_stage"), new OutcomeCounts(row.getLong("purchases"),
                        row.getLong("repeat_purchases"), row.getLong("renewals"), row.getLong("cancellations"))));
            }
            return counts;
        });
    }

    /** Outcomes of one NPS group and stage (in one bucket, or over the range). */
    public record OutcomeCount(LocalDate bucket, String npsGroup, String journeyStage, OutcomeCounts counts) {
    }
}
