package io.hearken.common.consumer;

/**
 * What health checks report of one consumer: whether its thread runs, whether it has applied everything the broker
 * has for it (caught up), whether it is stalled (records waiting, none applied for the stall timeout), why, and how
 * many records it has applied.
 */
public record ConsumerStatus(String consumer, boolean running, boolean caughtUp, boolean stalled, String reason,
                             long applied) {
}
