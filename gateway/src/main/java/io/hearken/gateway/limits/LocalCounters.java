package io.hearken.gateway.limits;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counters in this process's memory: what a lone gateway needs, and what a replica falls back to while Redis cannot
 * be reached (then each replica counts alone, so the limits are per replica until Redis is back).
 */
public final class LocalCounters implements Counters {

    /** Past this many counters the ended windows are swept out, so addresses seen once do not pile up. */
    private static final int SWEEP_ABOVE = 100_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier millisClock;

    public LocalCounters(LongSupplier millisClock) {
        this.millisClock = millisClock;
    }

    @Override
    public Future<List<Count>> increment(List<String> keys, Duration window) {
        long now = millisClock.getAsLong();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(open -> open.endsAt <= now);
        }
        List<Count> counts = new ArrayList<>(keys.size());
        for (String key : keys) {
            Window counted = windows.compute(key, (k, open) -> open == null || open.endsAt <= now
                    ? new Window(now + window.toMillis(), 1) : new Window(open.endsAt, open.requests + 1));
            counts.add(new Count(counted.requests, counted.endsAt - now));
        }
        return Future.succeededFuture(counts);
    }

    private record Window(long endsAt, long requests) {
    }
}
