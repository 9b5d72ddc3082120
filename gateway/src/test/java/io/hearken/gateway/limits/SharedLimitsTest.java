package io.hearken.gateway.limits;

import io.hearken.gateway.security.CallerIdentity;
import io.hearken.testing.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits hold across gateway replicas: two limiters, as two replicas would be, share the run's real Redis and
 * together admit no more than the quota. With Redis out of reach a limiter counts alone instead of failing.
 */
class SharedLimitsTest {

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    private static RateLimiter replica(Optional<String> redisUrl) {
        return new RateLimiter(new TestLimits(redisUrl, 5, 7), vertx, new SimpleMeterRegistry());
    }

    @Test
    void twoReplicasTogetherAdmitNoMoreThanTheQuota() throws Exception {
        Optional<String> redis = Optional.of(TestInfrastructure.settings(false).get("HEARKEN_REDIS_URL"));
        RateLimiter first = replica(redis);
        RateLimiter second = replica(redis);
        CallerIdentity caller = new CallerIdentity("u-1", "partner", "t-" + UUID.randomUUID(), "partner-app");

        int admitted = 0;
        for (int i = 0; i < 12; i++) {
            RateLimiter replica = i % 2 == 0 ? first : second;
            LimitDecision decision = replica.check(replica.policiesFor(caller)).toCompletionStage()
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            if (decision.allowed()) {
                admitted++;
            } else {
                assertEquals("client", decision.tightest().policy().name());
                assertTrue(decision.retryAfterSeconds() >= 1 && decision.retryAfterSeconds() <= 60);
            }
        }

        assertEquals(5, admitted, "the client's quota, whichever replica counted");
    }

    @Test
    void aClientWithItsOwnContractGetsItsOwnQuota() throws Exception {
        RateLimiter limiter = replica(Optional.of(TestInfrastructure.settings(false).get("HEARKEN_REDIS_URL")));
        CallerIdentity partner = new CallerIdentity("svc", "partner", "t-" + UUID.randomUUID(),
                "partner-with-a-contract");

        int admitted = 0;
        for (int i = 0; i < 5; i++) {
            if (limiter.check(limiter.policiesFor(partner)).toCompletionStage().toCompletableFuture()
                    .get(5, TimeUnit.SECONDS).allowed()) {
                admitted++;
            }
        }

        assertEquals(2, admitted);
    }

    @Test
    void withoutRedisAReplicaCountsAloneInsteadOfFailing() throws Exception {
        RateLimiter limiter = replica(Optional.of("redis://127.0.0.1:1"));
        CallerIdentity caller = new CallerIdentity("u-2", "admin", "t-" + UUID.randomUUID(), "console");

        int admitted = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            if (limiter.check(limiter.policiesFor(caller)).toCompletionStage().toCompletableFuture()
                    .get(5, TimeUnit.SECONDS).allowed()) {
                admitted++;
            }
        }

        assertEquals(5, admitted, "still limited, by this replica's own count");
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "never held up for long");
    }
}
