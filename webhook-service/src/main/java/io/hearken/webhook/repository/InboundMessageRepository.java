package io.hearken.webhook.repository;

import io.hearken.webhook.domain.InboundReceipt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The message ids each source has had taken in (table {@code inbound_message}), kept for the replay window: a message
 * id found here is a duplicate, answered without forwarding. An id is written only after survey-service took the
 * message in, so a message whose forward failed can be sent again under the same id.
 */
@ApplicationScoped
public class InboundMessageRepository {

    private final Pool pool;

    public InboundMessageRepository(Pool pool) {
        this.pool = pool;
    }

    /** The receipt of a message taken in before, as a duplicate; empty when the source has not taken it in. */
    public Uni<Optional<InboundReceipt>> find(String sourceId, String messageId) {
        return pool.preparedQuery("select feedback_id from inbound_message where source_id = $1 and message_id = $2")
                .execute(Tuple.of(sourceId, messageId))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    return found.hasNext() ? Optional.of(new InboundReceipt(found.next().getString("feedback_id"),
                            true)) : Optional.empty();
                });
    }

    /**
     * Remembers that the source's message was taken in as {@code feedbackId}. A second record of the same message
     * (two deliveries of it racing) keeps the first; a source deleted meanwhile records nothing.
     */
    public Uni<Void> record(String sourceId, String messageId, String feedbackId, Instant receivedAt) {
        return pool.preparedQuery("""
                        insert into inbound_message (source_id, message_id, feedback_id, received_at)
                        select $1::text, $2::text, $3::text, $4::timestamptz
                        where exists (select 1 from inbound_source where id = $1)
                        on conflict (source_id, message_id) do nothing""")
                .execute(Tuple.of(sourceId, messageId, feedbackId, receivedAt.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** Forgets up to {@code limit} message ids received before {@code before}; returns how many. */
    public Uni<Integer> forgetReceivedBefore(Instant before, int limit) {
        return pool.preparedQuery("""
                        delete from inbound_message
                        where ctid in (select ctid from inbound_message where received_at < $1 limit $2)""")
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC), (long) limit))
                .map(result -> result.rowCount());
    }
}
