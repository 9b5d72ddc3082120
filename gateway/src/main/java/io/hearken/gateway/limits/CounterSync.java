package io.hearken.gateway.limits;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Keeps this replica's counters ({@link ReplicaCounters}) in step with the ones all replicas share in Redis, off the
 * request path: every {@code sync-interval} it sends what this replica counted since the last sync, all counters in
 * one batch, and brings back each counter's global count and time left; counters near their quota are read even when
 * this replica counted nothing for them, since the others' requests decide their next answer. So a replica learns
 * another's requests within about two sync intervals (one for them to reach Redis, one to come back), and that is how
 * far N replicas together can go past a limit (gateway/README.md, "Rate limits").
 *
 * <p>One batch is under way at a time. One that fails or gets no answer within {@code redis-timeout} is sent again
 * with the next: no request is lost, and at worst one Redis applied without answering counts twice, which errs on the
 * side of the limit. Meanwhile the replica counts alone: {@link #away()}, logged at most every 30 s, and Redis is
 * tried again once per {@code redis-timeout} until it answers.
 */
final class CounterSync {

    private static final long WARN_EVERY_MILLIS = 30_000;

    private final ReplicaCounters counters;
    private final SharedCounters shared;
    private final Vertx vertx;
    private final LimitsConfig config;
    private final LongSupplier millisClock;
    private final AtomicBoolean underWay = new AtomicBoolean();
    private volatile boolean away;
    private volatile long retryAt;
    private volatile long lastWarned;
    private long timer = -1;

    CounterSync(ReplicaCounters counters, SharedCounters shared, Vertx vertx, LimitsConfig config,
                LongSupplier millisClock) {
        this.counters = counters;
        this.shared = shared;
        this.vertx = vertx;
        this.config = config;
        this.millisClock = millisClock;
    }

    /** Syncs every {@code sync-interval} from now on, on the caller's Vert.x context (or a new one). */
    void start() {
        timer = vertx.setPeriodic(config.syncInterval().toMillis(), id -> sync());
    }

    void stop() {
        vertx.cancelTimer(timer);
        shared.disconnect();
    }

    /** Whether the last sync failed: this replica counts alone until one succeeds. */
    boolean away() {
        return away;
    }

    /** One sync, unless one is under way, nothing waits, or Redis failed and it is not yet time to try again. */
    Future<Void> sync() {
        if (millisClock.getAsLong() < retryAt || !underWay.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        ReplicaCounters.Batch batch = counters.drain();
        if (batch.isEmpty()) {
            underWay.set(false);
            return Future.succeededFuture();
        }
        return withinTimeout(shared.add(batch.keys(), batch.increments(), config.window()))
                .map(counts -> {
                    counters.learned(batch, counts);
                    answered();
                    return (Void) null;
                })
                .recover(failure -> {
                    counters.unsent(batch);
                    failed(failure);
                    return Future.succeededFuture();
                })
                .onComplete(done -> underWay.set(false));
    }

    private Future<List<Count>> withinTimeout(Future<List<Count>> adding) {
        Duration timeout = config.redisTimeout();
        Promise<List<Count>> result = Promise.promise();
        long deadline = vertx.setTimer(timeout.toMillis(), id -> {
            if (!result.future().isComplete()) {
                // A connection that went silent may never answer: the next sync opens another
                shared.disconnect();
                result.tryFail(new TimeoutException("Redis did not answer in " + timeout));
            }
        });
        adding.onComplete(outcome -> {
            vertx.cancelTimer(deadline);
            if (outcome.succeeded()) {
                result.tryComplete(outcome.result());
            } else {
                result.tryFail(outcome.cause());
            }
        });
        return result.future();
    }

    private void answered() {
        if (away) {
            away = false;
            Log.info("Rate-limit counters shared in Redis again");
        }
    }

    private void failed(Throwable failure) {
        long now = millisClock.getAsLong();
        retryAt = now + config.redisTimeout().toMillis();
        if (!away || now - lastWarned >= WARN_EVERY_MILLIS) {
            lastWarned = now;
            Log.warnf("Rate-limit counters unavailable (%s): counting on this replica alone until Redis answers",
                    failure.toString());
        }
        away = true;
    }
}
