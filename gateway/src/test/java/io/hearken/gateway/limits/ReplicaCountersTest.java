package io.hearken.gateway.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replica's counters on a fake clock, with Redis's answers written by hand: decisions from the synced count plus this
 * replica's own requests, what a sync sends and takes back, windows, and memory.
 */
class ReplicaCountersTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final LimitPolicy ADDRESS = new LimitPolicy("address", "198.51.100.7", 10);

    private final AtomicLong now = new AtomicLong(1_000);
    private final ReplicaCounters counters = new ReplicaCounters(WINDOW, now::get);

    private Count count(LimitPolicy policy) {
        return counters.increment(List.of(policy)).get(0);
    }

    @Test
    void countsWithinAWindowAndStartsAgainAfterIt() {
        LimitPolicy other = new LimitPolicy("address", "203.0.113.9", 10);

        assertEquals(new Count(1, 10_000), count(ADDRESS));
        now.addAndGet(4_000);
        assertEquals(new Count(2, 6_000), count(ADDRESS));
        assertEquals(new Count(1, 10_000), count(other));
        now.addAndGet(6_000);
        assertEquals(new Count(1, 10_000), count(ADDRESS));
    }

    @Test
    void decidesFromTheGlobalCountPlusItsOwnRequestsSinceTheSync() {
        count(ADDRESS);
        count(ADDRESS);
        ReplicaCounters.Batch batch = counters.drain();
        assertEquals(List.of(ADDRESS.counterKey()), batch.keys());
        assertEquals(List.of(2L), batch.increments());
        assertEquals(3, count(ADDRESS).requests(), "the two in flight still count here");

        counters.learned(batch, List.of(new Count(7, 8_000)));

        assertEquals(new Count(9, 8_000), count(ADDRESS),
                "7 in Redis (the other replicas' 5 and these 2) and the 1 counted during the sync, and this one");
        assertEquals(List.of(2L), counters.drain().increments(), "only what Redis has not seen yet is sent");
    }

    @Test
    void takesTheEndOfTheSharedWindowFromRedis() {
        count(ADDRESS);
        ReplicaCounters.Batch batch = counters.drain();
        now.addAndGet(100);
        counters.learned(batch, List.of(new Count(40, 2_500)));

        now.addAndGet(1_000);
        assertEquals(new Count(41, 1_500), count(ADDRESS), "another replica started the window 7.4 s before");
        now.addAndGet(1_500);
        assertEquals(new Count(1, 10_000), count(ADDRESS), "then a new window begins here");
    }

    @Test
    void aCounterNearItsQuotaIsReadAtEverySyncEvenWithoutRequestsHere() {
        count(ADDRESS);
        counters.learned(counters.drain(), List.of(new Count(4, 9_000)));
        assertTrue(counters.drain().isEmpty(), "4 of 10: what others add cannot yet change an answer here");

        count(ADDRESS);
        counters.learned(counters.drain(), List.of(new Count(5, 9_000)));
        ReplicaCounters.Batch refresh = counters.drain();
        assertEquals(List.of(0L), refresh.increments(), "5 of 10: read, nothing added");

        counters.learned(refresh, List.of(new Count(10, 8_000)));
        assertEquals(11, count(ADDRESS).requests(), "the others' requests are folded in");
    }

    @Test
    void aCounterWhoseSharedWindowEndedStartsOverWithTheRequestsCountedMeanwhile() {
        count(ADDRESS);
        counters.learned(counters.drain(), List.of(new Count(6, 9_000)));
        ReplicaCounters.Batch refresh = counters.drain();
        count(ADDRESS);

        counters.learned(refresh, List.of(new Count(0, 0)));

        assertEquals(new Count(2, 10_000), count(ADDRESS));
        assertEquals(List.of(2L), counters.drain().increments());
    }

    @Test
    void aBatchThatFailedIsSentAgainWithWhatCameAfter() {
        count(ADDRESS);
        count(ADDRESS);
        ReplicaCounters.Batch failed = counters.drain();
        count(ADDRESS);

        counters.unsent(failed);

        assertEquals(4, count(ADDRESS).requests());
        assertEquals(List.of(4L), counters.drain().increments());
    }

    @Test
    void requestsOfAWindowThatEndedAreNotSent() {
        count(ADDRESS);
        now.addAndGet(WINDOW.toMillis());

        assertTrue(counters.drain().isEmpty(), "they would open the next window in Redis");
        assertEquals(0, counters.waitingForSync());
    }

    @Test
    void endedWindowsAreSweptSoMemoryStaysBounded() {
        for (int i = 0; i < 50_000; i++) {
            counters.increment(List.of(new LimitPolicy("address", "10.0." + (i / 256) + "." + (i % 256), 600)));
        }
        assertEquals(50_000, counters.size());

        now.addAndGet(WINDOW.toMillis());
        count(ADDRESS);

        assertEquals(1, counters.size(), "only the window still open");
        assertEquals(1, counters.waitingForSync());
    }

    @Test
    void anAnswerForAWindowReplacedMeanwhileChangesNothing() {
        count(ADDRESS);
        ReplicaCounters.Batch late = counters.drain();
        now.addAndGet(WINDOW.toMillis());
        count(ADDRESS);

        counters.learned(late, List.of(new Count(30, 9_000)));

        assertEquals(2, count(ADDRESS).requests());
        assertEquals(List.of(2L), counters.drain().increments());
    }
}
