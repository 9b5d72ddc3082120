package io.hearken.gateway.limits;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replicas syncing with a Redis kept in the test's memory on a fake clock: each folds in the others' requests, windows
 * end as Redis says, and while Redis is away each replica counts alone and loses nothing it counted meanwhile.
 */
class CounterSyncTest {

    private static final LimitPolicy CLIENT = new LimitPolicy("client", "acme:partner-app", 10);

    private static Vertx vertx;

    private final AtomicLong now = new AtomicLong(1_000);
    private final FakeRedis redis = new FakeRedis();
    private final TestLimits limits = new TestLimits(Optional.empty(), 10, 10);

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    /** A replica's counters and their sync, driven by hand: {@link #synced} runs one sync to its end. */
    private record Replica(ReplicaCounters counters, CounterSync sync) {

        long count() {
            return counters.increment(List.of(CLIENT)).get(0).requests();
        }
    }

    private Replica replica() {
        ReplicaCounters counters = new ReplicaCounters(limits.window(), now::get);
        return new Replica(counters, new CounterSync(counters, redis, vertx, limits, now::get));
    }

    private static void synced(Replica replica) throws Exception {
        replica.sync().sync().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void eachReplicaFoldsInTheOthersRequests() throws Exception {
        Replica first = replica();
        Replica second = replica();
        for (int i = 0; i < 5; i++) {
            first.count();
        }
        second.count();
        second.count();

        synced(first);
        synced(second);
        synced(first);

        assertEquals(8, first.count(), "5 of its own, 2 of the other's, and this one: at half its quota, a counter"
                + " is read at every sync though this replica counted nothing for it");
        assertEquals(8, second.count());
        assertEquals(7, redis.count(CLIENT.counterKey()), "the last two are not synced yet");
    }

    @Test
    void theSharedWindowEndsForEveryReplicaAsRedisSays() throws Exception {
        Replica first = replica();
        first.count();
        synced(first);
        now.addAndGet(40_000);
        Replica second = replica();
        second.count();
        synced(second);

        now.addAndGet(20_000);

        assertEquals(1, first.count(), "the window the first request opened is over");
        assertEquals(1, second.count(), "on the replica that joined it 40 s late too");
    }

    @Test
    void whileRedisIsAwayAReplicaCountsAloneAndSendsWhatItCountedWhenRedisIsBack() throws Exception {
        Replica replica = replica();
        Replica other = replica();
        redis.available = false;
        replica.count();
        replica.count();

        synced(replica);

        assertTrue(replica.sync().away());
        assertEquals(3, replica.count(), "still counting, alone");
        redis.available = true;
        synced(replica);
        assertTrue(replica.sync().away(), "Redis is tried again once per redis-timeout, not at every sync");
        assertEquals(0, redis.count(CLIENT.counterKey()));

        now.addAndGet(limits.redisTimeout().toMillis());
        synced(replica);

        assertFalse(replica.sync().away());
        assertEquals(3, redis.count(CLIENT.counterKey()), "nothing counted while Redis was away is lost");
        other.count();
        synced(other);
        assertEquals(5, other.count());
    }

    @Test
    void aSyncWithoutAnswerGivesUpAfterTheTimeoutAndOpensANewConnection() throws Exception {
        Replica replica = replica();
        replica.count();
        redis.silent = true;

        long started = System.nanoTime();
        synced(replica);

        assertTrue(System.nanoTime() - started >= limits.redisTimeout().toNanos());
        assertTrue(replica.sync().away());
        assertEquals(1, redis.disconnects);
        redis.silent = false;
        now.addAndGet(limits.redisTimeout().toMillis());
        synced(replica);
        assertEquals(1, redis.count(CLIENT.counterKey()), "sent again, once");
    }

    /** Redis's counters as the script keeps them, on the test's clock; it can refuse, or take and never answer. */
    private final class FakeRedis implements SharedCounters {

        private final Map<String, long[]> counters = new HashMap<>();
        private volatile boolean available = true;
        private volatile boolean silent;
        private int disconnects;

        @Override
        public synchronized Future<List<Count>> add(List<String> keys, List<Long> increments, Duration window) {
            if (!available) {
                return Future.failedFuture(new ConnectException("Connection refused"));
            }
            if (silent) {
                return Promise.<List<Count>>promise().future();
            }
            List<Count> counts = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                long[] counter = counters.get(keys.get(i));
                if (counter == null || counter[1] <= now.get()) {
                    counter = increments.get(i) > 0 ? new long[] {0, now.get() + window.toMillis()} : null;
                    counters.put(keys.get(i), counter);
                }
                if (counter == null) {
                    counts.add(new Count(0, 0));
                } else {
                    counter[0] += increments.get(i);
                    counts.add(new Count(counter[0], counter[1] - now.get()));
                }
            }
            return Future.succeededFuture(counts);
        }

        @Override
        public synchronized void disconnect() {
            disconnects++;
        }

        synchronized long count(String key) {
            long[] counter = counters.get(key);
            return counter == null || counter[1] <= now.get() ? 0 : counter[0];
        }
    }
}
