package io.hearken.common.consumer;

import java.time.Instant;

/**
 * One record a consumer could never apply, as kept on the dead-letter topic. {@code id} names it for a redrive
 * ({@code <partition>-<offset>} on the dead-letter topic); {@code redrivenAt} is set once it was handed back.
 */
public record DeadLetter(String id, String consumer, String tenant, String topic, int partition, long offset,
                         String eventId, String eventType, String error, Instant failedAt, int payloadBytes,
                         Instant redrivenAt) {

    DeadLetter redriven(Instant at) {
        return new DeadLetter(id, consumer, tenant, topic, partition, offset, eventId, eventType, error, failedAt,
                payloadBytes, at);
    }
}
