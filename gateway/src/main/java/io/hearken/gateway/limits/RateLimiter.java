package io.hearken.gateway.limits;

import io.hearken.gateway.security.CallerIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.redis.client.Redis;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Counts each request against its limits and decides whether it may go on. Authenticated requests count against
 * their tenant's limit and their client's (the token's {@code azp}: one partner integration; for the console, each
 * of its users); public
 * ones against their address's and their survey's or inbound source's (the resource the path names). The decision
 * is this replica's, from memory ({@link ReplicaCounters}), so no request waits for Redis; with Redis, every replica's
 * counts are brought together there in the background ({@link CounterSync}), so the limits hold across replicas within
 * what they take in about two sync intervals. While Redis does not answer, each replica counts alone rather than
 * holding up or refusing requests (a stalled Redis must not stop the API), and each request it decides so adds one to
 * {@code hearken_gateway_limit_counter_fallbacks_total}.
 */
@Startup
@ApplicationScoped
public class RateLimiter {

    private static final String INBOUND_SOURCES = "/v1/public/inbound/";

    private final LimitsConfig config;
    private final ReplicaCounters counters;
    private final Optional<CounterSync> sync;
    private final ClientAddress addresses;
    private final Counter fallbacks;

    /**
     * Started with the application ({@code @Startup}), off any request, so that the syncs run on a Vert.x context of
     * their own rather than on the first request's.
     */
    @Inject
    public RateLimiter(LimitsConfig config, Vertx vertx, MeterRegistry registry) {
        this.config = config;
        this.counters = new ReplicaCounters(config.window(), System::currentTimeMillis);
        this.sync = config.redisUrl().filter(url -> !url.isBlank())
                .map(url -> new CounterSync(counters, new RedisCounters(Redis.createClient(vertx, url)), vertx,
                        config, System::currentTimeMillis));
        this.addresses = new ClientAddress(config.trustedProxies());
        this.fallbacks = Counter.builder("hearken.gateway.limit.counter.fallbacks")
                .description("Requests counted by this replica alone because Redis did not answer in time")
                .register(registry);
        sync.ifPresent(CounterSync::start);
    }

    /** This replica's counters, for tests that wait for a sync. */
    ReplicaCounters counters() {
        return counters;
    }

    @PreDestroy
    void stop() {
        sync.ifPresent(CounterSync::stop);
    }

    /** The limits an authenticated caller's request counts against. */
    public List<LimitPolicy> policiesFor(CallerIdentity caller) {
        int clientQuota = config.clientLimits().getOrDefault(caller.client(), config.perClient());
        return List.of(new LimitPolicy("client", clientSubject(caller, config.perUserClients()), clientQuota),
                new LimitPolicy("tenant", caller.tenant(), config.perTenant()));
    }

    /**
     * Whose requests a client limit counts together: the client's in its tenant (a partner integration, whatever
     * user or service account it acts as), or, for a client people sign in to ({@code per-user-clients}), each
     * user's.
     */
    static String clientSubject(CallerIdentity caller, Set<String> perUserClients) {
        String client = caller.tenant() + ":" + caller.client();
        return perUserClients.contains(caller.client()) ? client + ":" + caller.subject() : client;
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

    /** Counts the request against {@code policies} and decides, at once: nothing here waits for Redis. */
    public LimitDecision check(List<LimitPolicy> policies) {
        if (!config.enabled() || policies.isEmpty()) {
            return LimitDecision.UNLIMITED;
        }
        if (sync.isPresent() && sync.get().away()) {
            fallbacks.increment();
        }
        return LimitDecision.of(policies, counters.increment(policies), config.window().toSeconds());
    }
}
