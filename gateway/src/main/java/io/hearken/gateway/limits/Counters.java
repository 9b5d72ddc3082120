package io.hearken.gateway.limits;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;

/** Where limit counters are kept: counts one more request against each key and says where each counter stands. */
public interface Counters {

    /** The counts after this request, one per key in the same order; a counter starts its window at its first. */
    Future<List<Count>> increment(List<String> keys, Duration window);
}
