package io.hearken.gateway.limits;

import io.hearken.gateway.security.CallerIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts each request against its limits and decides whether it may go on. Authenticated requests count against
 * their tenant's limit and their client's (the token's {@code azp}: the console, one partner integration); public
 * ones against their address's and their survey's or inbound source's (the resource the path names). Counters are
 * shared in Redis by every replica; when Redis does not answer within {@code redis-timeout} the request is counted by
 * this replica alone rather than held up or refused (a stalled Redis must not stop the API), and the fallback is
 * logged and counted ({@code hearken_gateway_limit_counter_fallbacks_total}).
 */
@ApplicationScoped
public class RateLimiter {

    private static final long WARN_EVERY_MILLIS = 30_000;
    private static final String INBOUND_SOURCES = "/v1/public/inbound/";

    private final LimitsConfig config;
    private final Vertx vertx;
    private final LocalCounters local;
    private final Counters shared;
    private final ClientAddress addresses;
    private final Counter fallbacks;
    private final AtomicLong lastWarned = new AtomicLong();

    @Inject
    public RateLimiter(LimitsConfig config, Vertx vertx, MeterRegistry registry) {
        this(config, vertx, registry, config.redisUrl().filter(url -> !url.isBlank())
                .map(url -> (Counters) new RedisCounters(Redis.createClient(vertx, new RedisOptions()
                        .setConnectionString(url).setMaxWaitingHandlers(16_384))))
                .orElse(null));
    }

    RateLimiter(LimitsConfig config, Vertx vertx, MeterRegistry registry, Counters shared) {
        this.config = config;
        this.vertx = vertx;
        this.local = new LocalCounters(System::currentTimeMillis);
        this.shared = shared == null ? local : shared;
        this.addresses = new ClientAddress(config.trustedProxies());
        this.fallbacks = Counter.builder("hearken.gateway.limit.counter.fallbacks")
                .description("Requests counted by this replica alone because Redis did not answer in time")
                .register(registry);
    }

    /** The limits an authenticated caller's request counts against. */
    public List<LimitPolicy> policiesFor(CallerIdentity caller) {
        int clientQuota = config.clientLimits().getOrDefault(caller.client(), config.perClient());
        return List.of(new LimitPolicy("client", caller.tenant() + ":" + caller.client(), clientQuota),
                new LimitPolicy("tenant", caller.tenant(), config.perTenant()));
    }

    /**
     * The limits a public request for {@code resource} (a survey, invitation, inbox or inbound source) counts against.
     * An inbound source's limit is called "source" in the answer's headers and problems: the partner whose requests
     * are refused posts to no survey.
     */
    public List<LimitPolicy> policiesForPublic(HttpServerRequest request, String resource) {
        String resourceLimit = resource.startsWith(INBOUND_SOURCES) ? "source" : "survey";
        return List.of(new LimitPolicy("address", addresses.of(request), config.perAddress()),
                new LimitPolicy(resourceLimit, resource, config.perSurvey()));
    }

    /** Counts the request against {@code policies}; never fails (a counter store that does, falls back). */
    public Future<LimitDecision> check(List<LimitPolicy> policies) {
        if (!config.enabled() || policies.isEmpty()) {
            return Future.succeededFuture(LimitDecision.UNLIMITED);
        }
        List<String> keys = policies.stream().map(LimitPolicy::counterKey).toList();
        Duration window = config.window();
        Future<List<Count>> counted = shared == local ? local.increment(keys, window)
                : withinTimeout(shared.increment(keys, window)).recover(failure -> {
                    fellBack(failure);
                    return local.increment(keys, window);
                });
        return counted.map(counts -> LimitDecision.of(policies, counts, window.toSeconds()));
    }

    private Future<List<Count>> withinTimeout(Future<List<Count>> counting) {
        Promise<List<Count>> result = Promise.promise();
        long timer = vertx.setTimer(config.redisTimeout().toMillis(),
                id -> result.tryFail(new TimeoutException("Redis did not answer in " + config.redisTimeout())));
        counting.onComplete(outcome -> {
            vertx.cancelTimer(timer);
            if (outcome.succeeded()) {
                result.tryComplete(outcome.result());
            } else {
                result.tryFail(outcome.cause());
            }
        });
        return result.future();
    }

    private void fellBack(Throwable failure) {
        fallbacks.increment();
        long now = System.currentTimeMillis();
        long last = lastWarned.get();
        if (now - last >= WARN_EVERY_MILLIS && lastWarned.compareAndSet(last, now)) {
            Log.warnf("Rate-limit counters unavailable (%s): counting on this replica alone until Redis answers",
                    failure.toString());
        }
    }
}
