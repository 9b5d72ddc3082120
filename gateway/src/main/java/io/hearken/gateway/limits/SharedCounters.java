package io.hearken.gateway.limits;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;

/** The counters every gateway replica shares, where each replica's requests meet the others' ({@link CounterSync}). */
interface SharedCounters {

    /**
     * Adds each of {@code increments} to the counter of the same place in {@code keys} (zero: only reads it) and
     * answers each counter's count and time left, in the same order; a counter starts its window with its first
     * request. A counter that does not exist (its window ended) is {@code Count(0, 0)}.
     */
    Future<List<Count>> add(List<String> keys, List<Long> increments, Duration window);

    /** Drops the connection, so that the next call opens another: after a call that got no answer. */
    void disconnect();
}
