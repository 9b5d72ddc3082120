package io.hearken.gateway.limits;

import io.hearken.gateway.security.CallerIdentity;
import io.hearken.testing.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits hold across gateway replicas: two limiters, as two replicas would be, share the run's real Redis. Requests
 * further apart than the time a replica takes to learn another's (about two sync intervals) are counted as one
 * replica would count them; a burst on both at once goes past the quota by at most what each took before it learned,
 * and then both refuse. With Redis out of reach a limiter counts alone instead of failing, and says so.
 */
class SharedLimitsTest {

    /** Comfortably more than two sync intervals and Redis's round trips, on a busy machine. */
    private static final Duration LEARNED_AFTER = TestLimits.SYNC_INTERVAL.multipliedBy(15);

    private static Vertx vertx;

    private final List<RateLimiter> started = new ArrayList<>();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @AfterEach
    void stopLimiters() {
        started.forEach(RateLimiter::stop);
    }

    private RateLimiter replica(Optional<String> redisUrl, MeterRegistry registry) {
        RateLimiter limiter = new RateLimiter(new TestLimits(redisUrl, 5, 7), vertx, registry);
        started.add(limiter);
        return limiter;
    }

    /** A replica sharing the run's Redis, once it has synced: its first sync also opens its connection. */
    private RateLimiter replica() {
        RateLimiter limiter = replica(Optional.of(TestInfrastructure.settings(false).get("HEARKEN_REDIS_URL")),
                new SimpleMeterRegistry());
        limiter.check(limiter.policiesFor(newCaller()));
        await().atMost(10, TimeUnit.SECONDS).until(() -> limiter.counters().waitingForSync() == 0);
        return limiter;
    }

    private static CallerIdentity newCaller() {
        return new CallerIdentity("u-1", "partner", "t-" + UUID.randomUUID(), "partner-app");
    }

    @Test
    void twoReplicasTogetherAdmitTheQuotaOnceWhenRequestsAreApartByTheSyncDelay() throws Exception {
        RateLimiter first = replica();
        RateLimiter second = replica();
        CallerIdentity caller = newCaller();

        int admitted = 0;
        for (int i = 0; i < 12; i++) {
            RateLimiter replica = i % 2 == 0 ? first : second;
            LimitDecision decision = replica.check(replica.policiesFor(caller));
            if (decision.allowed()) {
                admitted++;
            } else {
                assertEquals("client", decision.tightest().policy().name());
                assertTrue(decision.retryAfterSeconds() >= 1 && decision.retryAfterSeconds() <= 60);
            }
            Thread.sleep(LEARNED_AFTER.toMillis());
        }

        assertEquals(5, admitted, "the client's quota, whichever replica counted");
    }

    @Test
    void aBurstOnBothReplicasAtOnceGoesPastTheQuotaByAtMostWhatEachTookThenBothRefuse() throws Exception {
        RateLimiter first = replica();
        RateLimiter second = replica();
        CallerIdentity caller = newCaller();

        int admitted = 0;
        for (int i = 0; i < 5; i++) {
            for (RateLimiter replica : List.of(first, second)) {
                admitted += replica.check(replica.policiesFor(caller)).allowed() ? 1 : 0;
            }
        }
        Thread.sleep(LEARNED_AFTER.toMillis());

        assertTrue(admitted >= 5 && admitted <= 10, admitted + " admitted");
        for (RateLimiter replica : List.of(first, second)) {
            LimitDecision decision = replica.check(replica.policiesFor(caller));
            assertFalse(decision.allowed(), "each has learned the other's requests");
            assertTrue(decision.tightest().requests() >= 11, "the whole burst and this one, on both");
        }
    }

    @Test
    void aClientWithItsOwnContractGetsItsOwnQuota() {
        RateLimiter limiter = replica();
        CallerIdentity partner = new CallerIdentity("svc", "partner", "t-" + UUID.randomUUID(),
                "partner-with-a-contract");

        int admitted = 0;
        for (int i = 0; i < 5; i++) {
            if (limiter.check(limiter.policiesFor(partner)).allowed()) {
                admitted++;
            }
        }

        assertEquals(2, admitted);
    }

    @Test
    void withoutRedisAReplicaCountsAloneAndSaysSo() {
        MeterRegistry registry = new SimpleMeterRegistry();
        RateLimiter limiter = replica(Optional.of("redis://127.0.0.1:1"), registry);
        CallerIdentity caller = new CallerIdentity("u-2", "admin", "t-" + UUID.randomUUID(), "console");

        int admitted = 0;
        for (int i = 0; i < 8; i++) {
            if (limiter.check(limiter.policiesFor(caller)).allowed()) {
                admitted++;
            }
        }

        assertEquals(5, admitted, "still limited, by this replica's own count");
        await().atMost(5, TimeUnit.SECONDS).until(() -> {
            limiter.check(limiter.policiesFor(caller));
            return registry.counter("hearken.gateway.limit.counter.fallbacks").count() > 0;
        });
    }
}
