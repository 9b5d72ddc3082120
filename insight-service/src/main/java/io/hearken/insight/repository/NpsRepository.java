package io.hearken.insight.repository;

import io.hearken.common.events.ResponseSubmitted;
import io.hearken.insight.domain.NpsScore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** NPS counts per survey in PostgreSQL, updated exactly once per response event. */
@ApplicationScoped
public class NpsRepository {

    private final Pool pool;

    public NpsRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Counts the NPS answers of the events not seen before by {@code consumer}, in one transaction with the record
     * that they were seen: a redelivered event (after a crash, a rebalance, a retried submission) counts nothing.
     *
     * @return how many events were new
     */
    public Uni<Integer> countNewResponses(String consumer, List<ResponseSubmitted> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String[] eventIds = events.stream().map(ResponseSubmitted::responseId).toArray(String[]::new);
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        insert into processed_event (consumer, event_id)
                        select $1, unnest($2::text[])
                        on conflict do nothing
                        returning event_id""")
                .execute(Tuple.of(consumer, eventIds))
                .chain(inserted -> addCounts(connection, newEvents(events, inserted)))
        );
    }

    private static List<ResponseSubmitted> newEvents(List<ResponseSubmitted> events, RowSet<Row> inserted) {
        Set<String> fresh = new HashSet<>();
        inserted.forEach(row -> fresh.add(row.getString("event_id")));
        List<ResponseSubmitted> result = new ArrayList<>();
        for (ResponseSubmitted event : events) {
            // remove(): an id repeated inside one batch is new only the first time.
            if (fresh.remove(event.responseId())) {
                result.add(event);
            }
        }
        return result;
    }

    private static Uni<Integer> addCounts(SqlConnection connection, List<ResponseSubmitted> events) {
        Map<List<String>, long[]> deltas = new LinkedHashMap<>();
        for (ResponseSubmitted event : events) {
            Integer score = event.npsScore();
            if (score == null) {
                continue;
            }
            long[] counts = deltas.computeIfAbsent(List.of(event.tenant(), event.surveyId()), key -> new long[3]);
            counts[NpsScore.groupOf(score).ordinal()]++;
        }
        if (deltas.isEmpty()) {
            return Uni.createFrom().item(events.size());
        }
        List<Tuple> rows = new ArrayList<>();
        deltas.forEach((key, counts) -> rows.add(Tuple.of(key.get(0), key.get(1), counts[0], counts[1], counts[2])));
        return connection.preparedQuery("""
                        insert into survey_nps (tenant, survey_id, promoters, passives, detractors)
                        values ($1, $2, $3, $4, $5)
                        on conflict (tenant, survey_id) do update set
                            promoters = survey_nps.promoters + excluded.promoters,
                            passives = survey_nps.passives + excluded.passives,
                            detractors = survey_nps.detractors + excluded.detractors,
                            updated_at = now()""")
                .executeBatch(rows)
                .replaceWith(events.size());
    }

    public Uni<Optional<NpsScore>> find(String tenant, String surveyId) {
        return pool.preparedQuery("""
                        select promoters, passives, detractors from survey_nps
                        where tenant = $1 and survey_id = $2""")
                .execute(Tuple.of(tenant, surveyId))
                .map(rows -> {
                    var iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = iterator.next();
                    return Optional.of(NpsScore.of(surveyId, row.getLong("promoters"), row.getLong("passives"),
                            row.getLong("detractors")));
                });
    }
}
