package io.hearken.webhook.repository;

import io.hearken.webhook.domain.AttemptRecord;
import io.hearken.webhook.domain.DeliveryRecord;
import io.hearken.webhook.domain.DeliveryState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of the delivery log: a subscription's deliveries (newest first, by state), one message with its payload, and
 * the attempts. Pages are keyed by position (keyset), so a page stays right while new deliveries arrive.
 */
@ApplicationScoped
public class DeliveryLogRepository {

    private static final String DELIVERY_COLUMNS = """
            d.subscription_id, d.message_id, m.event_type, d.state, d.attempts, d.next_attempt_at, d.last_status,
            d.last_error, d.test, d.created_at, d.updated_at""";

    private final Pool pool;

    public DeliveryLogRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * A page of the subscription's deliveries, newest first, after {@code before} (the created_at and message id of
     * the last one of the previous page), in {@code state} when given.
     */
    public Uni<List<DeliveryRecord>> deliveries(UUID subscriptionId, DeliveryState state, Instant beforeCreated,
                                                String beforeMessage, int limit) {
        return pool.preparedQuery("select " + DELIVERY_COLUMNS + """
                         from delivery d join message m on m.id = d.message_id
                        where d.subscription_id = $1 and ($2::text is null or d.state = $2)
                          and ($3::timestamptz is null or (d.created_at, d.message_id) < ($3, $4))
                        order by d.created_at desc, d.message_id desc
                        limit $5""")
                .execute(Tuple.from(Arrays.asList(subscriptionId, state == null ? null : state.stored(),
                        Times.column(beforeCreated), beforeMessage == null ? "" : beforeMessage, limit)))
                .map(rows -> {
                    List<DeliveryRecord> found = new ArrayList<>();
                    rows.forEach(row -> found.add(delivery(row)));
                    return found;
                });
    }

    /** One delivery with its message's payload. */
    public Uni<Optional<DeliveredMessage>> message(UUID subscriptionId, String messageId) {
        return pool.preparedQuery("select " + DELIVERY_COLUMNS + """
                        , m.payload from delivery d join message m on m.id = d.message_id
                        where d.subscription_id = $1 and d.message_id = $2""")
                .execute(Tuple.of(subscriptionId, messageId))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.<DeliveredMessage>empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new DeliveredMessage(delivery(row), row.getString("payload")));
                });
    }

    /** A page of attempts, newest first, older than attempt {@code beforeId}; one message's when it is given. */
    public Uni<List<AttemptRecord>> attempts(UUID subscriptionId, String messageId, Long beforeId, int limit) {
        return pool.preparedQuery("""
                        select id, subscription_id, message_id, attempt, started_at, latency_ms, status, error,
                               response_excerpt
                        from attempt
                        where subscription_id = $1 and ($2::text is null or message_id = $2)
                          and ($3::bigint is null or id < $3)
                        order by id desc
                        limit $4""")
                .execute(Tuple.from(Arrays.asList(subscriptionId, messageId, beforeId, limit)))
                .map(rows -> {
                    List<AttemptRecord> found = new ArrayList<>();
                    rows.forEach(row -> found.add(new AttemptRecord(row.getLong("id"), row.getUUID("subscription_id"),
                            row.getString("message_id"), row.getInteger("attempt"), Times.instant(row, "started_at"),
                            row.getInteger("latency_ms"), row.getInteger("status"), row.getString("error"),
                            row.getString("response_excerpt"))));
                    return found;
                });
    }

    private static DeliveryRecord delivery(Row row) {
        return new DeliveryRecord(row.getUUID("subscription_id"), row.getString("message_id"),
                row.getString("event_type"), DeliveryState.fromStored(row.getString("state")),
                row.getInteger("attempts"), Times.instant(row, "next_attempt_at"), row.getInteger("last_status"),
                row.getString("last_error"), row.getBoolean("test"), Times.instant(row, "created_at"),
                Times.instant(row, "updated_at"));
    }

    /** A delivery and the exact payload its attempts sent. */
    public record DeliveredMessage(DeliveryRecord delivery, String payload) {
    }
}
