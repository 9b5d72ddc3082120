package io.hearken.insight.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hearken.common.events.EventAppender;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

import static io.hearken.insight.repository.AlertRepository.utc;

/**
 * Events waiting to be appended (table {@code outbox_event}): added in the transaction of the change they announce,
 * so a committed change always has its event, read in order by the relay and deleted once the broker has them. An
 * event id is unique: adding the same event twice (a retried transaction) keeps one.
 */
@ApplicationScoped
public class OutboxRepository {

    private static final ObjectMapper WRITER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Pool pool;

    public OutboxRepository(Pool pool) {
        this.pool = pool;
    }

    /** An event to announce and the customer it is about (null for none), so an erasure can drop it unsent. */
    public record PendingEvent(EventAppender.Event event, String customerKey) {
    }

    /** An event as kept, with its position in the outbox. */
    public record StoredEvent(long position, EventAppender.Event event) {
    }

    /** Adds the events in the caller's transaction. */
    public static Uni<Void> add(SqlConnection connection, List<PendingEvent> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        for (PendingEvent entry : pending) {
            EventAppender.Event event = entry.event();
            rows.add(Tuple.tuple().addString(event.id()).addString(event.topic()).addString(event.key())
                    .addString(event.type()).addString(event.subject()).addString(event.tenant())
                    .addOffsetDateTime(utc(event.time())).addString(json(event)).addString(entry.customerKey()));
        }
        return connection.preparedQuery("""
                        insert into outbox_event (id, topic, record_key, type, subject, tenant, time, data,
                                                  customer_key)
                        values ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9)
                        on conflict (id) do nothing""")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    /** The oldest events waiting, at most {@code limit}, their data as the JSON kept. */
    public Uni<List<StoredEvent>> oldest(int limit) {
        return pool.preparedQuery("""
                        select position, id, topic, record_key, type, subject, tenant, time, data::text as data
                        from outbox_event order by position limit $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<StoredEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new StoredEvent(row.getLong("position"), new EventAppender.Event(
                                row.getString("topic"), row.getString("record_key"), row.getString("id"),
                                row.getString("type"), row.getString("subject"), row.getString("tenant"),
                                row.getOffsetDateTime("time").toInstant(),
                                new EventAppender.Json(row.getString("data")))));
                    }
                    return events;
                });
    }

    /** Deletes events the broker has acknowledged. */
    public Uni<Void> delete(List<Long> positions) {
        return pool.preparedQuery("delete from outbox_event where position = any($1::bigint[])")
                .execute(Tuple.of(positions.toArray(Long[]::new)))
                .replaceWithVoid();
    }

    private static String json(EventAppender.Event event) {
        try {
            return WRITER.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " is not writable as JSON", e);
        }
    }
}
