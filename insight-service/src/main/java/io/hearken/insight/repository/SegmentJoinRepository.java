package io.hearken.insight.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.insight.domain.ResponseRollups;
import io.hearken.insight.domain.RollupKey;
import io.hearken.insight.domain.SegmentAnswers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The join of identified responses with their attributions to segments (table {@code segment_join}). The two halves
 * come from two topics, read by two consumers at their own pace, so either may come first: each half is upserted on
 * (tenant, response id), which PostgreSQL serialises on the row, and whichever half finds the other completes the
 * join, adds the response's answers to the rows of each of its segments and deletes the row; a half that finds
 * nothing waits. Every half is applied once (the consumers' processed-event guard, in the same transaction), so the
 * segment rows are the same whatever the order of arrival: what makes a replay of both topics exact.
 */
@ApplicationScoped
public class SegmentJoinRepository {

    /** One upsert order for both halves, so that two batches never wait on each other's rows in a cycle. */
    private static final Comparator<String[]> ROW_ORDER = Comparator.<String[], String>comparing(key -> key[0])
            .thenComparing(key -> key[1]);

    private final Pool pool;
    private final ObjectMapper json;

    public SegmentJoinRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** The attribution of one response to the segments its customer was in, from profile-service. */
    public record Attribution(String eventId, String tenant, String responseId, List<String> segments) {
    }

    /** A response's half: the answers it will add to its customer's segments. */
    public record ResponseHalf(String tenant, String responseId, SegmentAnswers answers) {
    }

    /**
     * Applies the attributions not applied before by {@code consumer}, in one transaction with the record that they
     * were: each joins its waiting response or waits for it.
     *
     * @return how many attributions were new
     */
    public Uni<Integer> attribute(String consumer, List<Attribution> attributions) {
        if (attributions.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(connection -> ProcessedEvents.recordNew(connection, consumer,
                        attributions.stream().map(Attribution::eventId).toList())
                .chain(fresh -> {
                    Map<String[], Attribution> halves = new TreeMap<>(ROW_ORDER);
                    attributions.stream().filter(attribution -> fresh.remove(attribution.eventId()))
                            .forEach(attribution -> halves.putIfAbsent(
                                    new String[] {attribution.tenant(), attribution.responseId()}, attribution));
                    return joinAttributions(connection, List.copyOf(halves.values())).replaceWith(halves.size());
                }));
    }

    private Uni<Void> joinAttributions(SqlConnection connection, List<Attribution> attributions) {
        if (attributions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] tenants = attributions.stream().map(Attribution::tenant).toArray(String[]::new);
        String[] responses = attributions.stream().map(Attribution::responseId).toArray(String[]::new);
        String[] segments = attributions.stream().map(attribution -> write(attribution.segments()))
                .toArray(String[]::new);
        return connection.preparedQuery("""
                        insert into segment_join (tenant, response_id, segments)
                        select t, r, array(select jsonb_array_elements_text(s::jsonb))
                        from unnest($1::text[], $2::text[], $3::text[]) with ordinality as a(t, r, s, n)
                        order by n
                        on conflict (tenant, response_id) do update set segments = excluded.segments
                        returning tenant, response_id, answers::text as answers""")
                .execute(Tuple.of(tenants, responses, segments))
                .chain(rows -> {
                    Map<String, Attribution> byResponse = new TreeMap<>();
                    attributions.forEach(attribution -> byResponse.put(key(attribution.tenant(),
                            attribution.responseId()), attribution));
                    List<RollupKey> counters = new ArrayList<>();
                    List<String[]> joined = new ArrayList<>();
                    for (Row row : rows) {
                        String answers = row.getString("answers");
                        if (answers != null) {
                            String tenant = row.getString("tenant");
                            String responseId = row.getString("response_id");
                            counters.addAll(ResponseRollups.segmentCountersOf(tenant, read(answers),
                                    byResponse.get(key(tenant, responseId)).segments()));
                            joined.add(new String[] {tenant, responseId});
                        }
                    }
                    return completed(connection, joined)
                            .chain(() -> RollupRepository.addCounters(connection, counters));
                });
    }

    /**
     * Joins the responses' halves with their waiting attributions, or leaves them waiting, in the caller's
     * transaction; answers the counters the joined ones add to their segments' rows.
     */
    Uni<List<RollupKey>> joinResponses(SqlConnection connection, List<ResponseHalf> halves) {
        if (halves.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String[], ResponseHalf> ordered = new TreeMap<>(ROW_ORDER);
        halves.forEach(half -> ordered.putIfAbsent(new String[] {half.tenant(), half.responseId()}, half));
        List<ResponseHalf> sorted = List.copyOf(ordered.values());
        String[] tenants = sorted.stream().map(ResponseHalf::tenant).toArray(String[]::new);
        String[] responses = sorted.stream().map(ResponseHalf::responseId).toArray(String[]::new);
        String[] answers = sorted.stream().map(half -> write(half.answers())).toArray(String[]::new);
        return connection.preparedQuery("""
                        insert into segment_join (tenant, response_id, answers)
                        select t, r, a::jsonb
                        from unnest($1::text[], $2::text[], $3::text[]) with ordinality as h(t, r, a, n)
                        order by n
                        on conflict (tenant, response_id) do update set answers = excluded.answers
                        returning tenant, response_id, segments""")
                .execute(Tuple.of(tenants, responses, answers))
                .chain(rows -> {
                    Map<String, ResponseHalf> byResponse = new TreeMap<>();
                    sorted.forEach(half -> byResponse.put(key(half.tenant(), half.responseId()), half));
                    List<RollupKey> counters = new ArrayList<>();
                    List<String[]> joined = new ArrayList<>();
                    for (Row row : rows) {
                        String[] segments = row.getArrayOfStrings("segments");
                        if (segments != null) {
                            String tenant = row.getString("tenant");
                            String responseId = row.getString("response_id");
                            counters.addAll(ResponseRollups.segmentCountersOf(tenant,
                                    byResponse.get(key(tenant, responseId)).answers(), List.of(segments)));
                            joined.add(new String[] {tenant, responseId});
                        }
                    }
                    return completed(connection, joined).replaceWith(counters);
                });
    }

    /** Forgets the joined rows: both halves have been applied, and each is applied once. */
    private static Uni<Void> completed(SqlConnection connection, List<String[]> joined) {
        if (joined.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        delete from segment_join j using unnest($1::text[], $2::text[]) as d(t, r)
                        where j.tenant = d.t and j.response_id = d.r""")
                .execute(Tuple.of(joined.stream().map(key -> key[0]).toArray(String[]::new),
                        joined.stream().map(key -> key[1]).toArray(String[]::new)))
                .replaceWithVoid();
    }

    private static String key(String tenant, String responseId) {
        return tenant + "\u0000" + responseId;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the join's halves are JSON", e);
        }
    }

    private SegmentAnswers read(String answers) {
        try {
            return json.readValue(answers, SegmentAnswers.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a waiting response's answers are JSON", e);
        }
    }
}
