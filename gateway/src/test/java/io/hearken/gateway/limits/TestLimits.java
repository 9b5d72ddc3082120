package io.hearken.gateway.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/** Limits for tests that build a {@link RateLimiter} by hand: small quotas, a given Redis, a short sync interval. */
record TestLimits(Optional<String> redisUrl, int perClient, int perAddress) implements LimitsConfig {

    /** How often the test limiters sync: short, so that the tests need not wait long for the replicas to agree. */
    static final Duration SYNC_INTERVAL = Duration.ofMillis(20);

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Duration syncInterval() {
        return SYNC_INTERVAL;
    }

    @Override
    public Duration redisTimeout() {
        return Duration.ofMillis(500);
    }

    @Override
    public Duration window() {
        return Duration.ofSeconds(60);
    }

    @Override
    public int perTenant() {
        return 1_000_000;
    }

    @Override
    public Map<String, Integer> clientLimits() {
        return Map.of("partner-with-a-contract", 2);
    }

    @Override
    public Set<String> perUserClients() {
        return Set.of("hearken-web");
    }

    @Override
    public int perSurvey() {
        return 1_000_000;
    }

    @Override
    public List<String> trustedProxies() {
        return List.of("127.0.0.1", "10.0.0.0/8");
    }
}
