package io.hearken.common.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * What one event consumer does with its records; {@link EventConsumers} runs it in the shared loop that retries,
 * dead-letters and reports progress.
 *
 * <p>A handler only decides; the loop does the rest. {@link #read} turns a record into the handler's event type and
 * throws {@link PermanentEventFailure} when no retry could make it readable (not JSON, an unknown version, an event
 * that breaks the contract). {@link #apply} applies events in order and blocks until they are durable; it must be
 * idempotent by event id, because after a transient failure, a crash or a redrive the same events come again.
 *
 * @param <E> the event type the handler applies
 */
public interface EventHandler<E> {

    /**
     * Reads one record; throws {@link PermanentEventFailure} if it can never be applied. Returns null for a record
     * that carries nothing to apply by design (a tombstone on a compacted topic): the position moves past it.
     */
    E read(ConsumerRecord<byte[], byte[]> record);

    /** Applies the events in order, durably and idempotently; any exception is classified by {@link #isPermanent}. */
    void apply(List<E> events) throws Exception;

    /**
     * Whether a failure of {@link #apply} can never be cured by retrying (a constraint or encoding violation of the
     * store). Anything else is retried with backoff, in order, until it succeeds.
     */
    default boolean isPermanent(Throwable failure) {
        return PermanentEventFailure.isCause(failure);
    }
}
