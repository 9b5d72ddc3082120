package io.hearken.gateway.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * This replica's limit counters, which decide every request from memory: a counter stands at the count Redis last
 * reported for its window (every replica's requests) plus the requests this replica counted since. A request never
 * waits for Redis; {@link CounterSync} takes what was counted here to Redis in the background and brings the global
 * counts back. Without Redis the counts are this replica's own. Windows are fixed and start with a subject's first
 * request: until Redis says when the shared window ends, a replica assumes it started with the first request it saw.
 */
final class ReplicaCounters {

    /** How often ended windows are swept out, so that addresses seen once do not pile up. */
    private static final long SWEEP_EVERY_MILLIS = 1_000;

    private final long windowMillis;
    private final LongSupplier millisClock;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    /**
     * What the next sync looks at, so that it need not walk every counter: those with requests not sent yet and those
     * near their quota (where another replica's requests decide the next answer).
     */
    private final Set<Tally> toSync = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextSweep;

    ReplicaCounters(Duration window, LongSupplier millisClock) {
        this.windowMillis = window.toMillis();
        this.millisClock = millisClock;
        this.nextSweep = new AtomicLong(millisClock.getAsLong() + SWEEP_EVERY_MILLIS);
    }

    /** Counts one request against each policy's counter; the counts after it, in the same order. */
    List<Count> increment(List<LimitPolicy> policies) {
        long now = millisClock.getAsLong();
        sweepIfDue(now);
        List<Count> counts = new ArrayList<>(policies.size());
        for (LimitPolicy policy : policies) {
            Count[] counted = new Count[1];
            // Counted inside compute, so that a sweep or a new window cannot take the counter away meanwhile
            tallies.compute(policy.counterKey(), (key, open) -> {
                Tally current = open;
                if (current == null || current.endedBy(now)) {
                    if (current != null) {
                        current.unlist();
                    }
                    current = new Tally(key, policy.quota(), now + windowMillis);
                }
                counted[0] = current.count(now);
                return current;
            });
            counts.add(counted[0]);
        }
        return counts;
    }

    /**
     * The counters the next sync sends, each with this replica's requests since the last one (they are then in
     * flight: still counted here, not sent again), and those near their quota with nothing to add, to learn the
     * others' requests. A counter near its quota is one at half of it or more.
     */
    Batch drain() {
        long now = millisClock.getAsLong();
        Batch batch = new Batch();
        for (Tally tally : toSync) {
            if (tallies.get(tally.key) == tally) {
                tally.drainInto(batch, now);
            } else {
                tally.unlist();
            }
        }
        return batch;
    }

    /** What Redis answered for {@code batch}, one count per counter in the same order. */
    void learned(Batch batch, List<Count> counts) {
        long now = millisClock.getAsLong();
        for (int i = 0; i < batch.tallies.size(); i++) {
            batch.tallies.get(i).learned(counts.get(i), now, windowMillis);
        }
    }

    /** {@code batch} did not reach Redis, or no answer came: its requests go with the next one. */
    void unsent(Batch batch) {
        batch.tallies.forEach(Tally::unsent);
    }

    /** Counters held, ended windows not yet swept included. */
    int size() {
        return tallies.size();
    }

    /** Counters the next sync looks at. */
    int waitingForSync() {
        return toSync.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + SWEEP_EVERY_MILLIS)) {
            tallies.values().removeIf(tally -> tally.sweptBy(now));
        }
    }

    /** Counters to send to Redis together, and how many requests to add to each (zero: only read it). */
    static final class Batch {

        private final List<Tally> tallies = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        private final List<Long> increments = new ArrayList<>();

        private void add(Tally tally, long increment) {
            tallies.add(tally);
            keys.add(tally.key);
            increments.add(increment);
        }

        boolean isEmpty() {
            return tallies.isEmpty();
        }

        List<String> keys() {
            return keys;
        }

        List<Long> increments() {
            return increments;
        }
    }

    /** One counter's window, as this replica knows it. */
    private final class Tally {

        private final String key;
        private final long quota;
        private long endsAt;
        /** Every replica's requests, this one's that were sent included, as Redis last reported them. */
        private long synced;
        /** This replica's requests in the batch under way. */
        private long inFlight;
        /** This replica's requests not sent yet. */
        private long pending;
        /** Whether it is in {@link #toSync}; changed only under this counter's lock, with the set. */
        private boolean listed;

        private Tally(String key, long quota, long endsAt) {
            this.key = key;
            this.quota = quota;
            this.endsAt = endsAt;
        }

        private synchronized Count count(long now) {
            pending++;
            list();
            return new Count(requests(), endsAt - now);
        }

        private long requests() {
            return synced + inFlight + pending;
        }

        private synchronized boolean endedBy(long now) {
            return endsAt <= now;
        }

        private synchronized void drainInto(Batch batch, long now) {
            if (endsAt <= now) {
                // Requests of a window that is over are not sent: they would start the next window in Redis
                unlist();
                return;
            }
            if (pending == 0 && 2 * requests() < quota) {
                unlist();
                return;
            }
            inFlight = pending;
            pending = 0;
            batch.add(this, inFlight);
        }

        private synchronized void learned(Count global, long now, long windowMillis) {
            inFlight = 0;
            synced = global.requests();
            if (global.millisLeft() > 0) {
                endsAt = now + global.millisLeft();
            } else {
                // The shared window ended since: the requests counted here meanwhile open the next one
                endsAt = pending > 0 ? now + windowMillis : now;
            }
        }

        private synchronized void unsent() {
            pending += inFlight;
            inFlight = 0;
            list();
        }

        private synchronized boolean sweptBy(long now) {
            if (endsAt > now) {
                return false;
            }
            unlist();
            return true;
        }

        private void list() {
            if (!listed) {
                listed = true;
                toSync.add(this);
            }
        }

        private synchronized void unlist() {
            if (listed) {
                listed = false;
                toSync.remove(this);
            }
        }
    }
}
