package io.hearken.gateway.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * How much each caller may ask of the API ({@code hearken.gateway.limits.*}): requests per window per tenant and per
 * client on authenticated routes, per address and per survey (invitation, inbound source) on public routes. With
 * {@code redis-url} set every replica's counts are brought together in Redis every {@code sync-interval}, so all
 * replicas count against the same limit, give or take what they take in about two sync intervals.
 */
@ConfigMapping(prefix = "hearken.gateway.limits")
public interface LimitsConfig {

    @WithDefault("true")
    boolean enabled();

    /** {@code redis://host:port} of the shared counters ({@code HEARKEN_REDIS_URL}); without, each replica counts. */
    Optional<String> redisUrl();

    /**
     * How often a replica sends its counts to Redis and learns the others': a replica learns another's requests
     * within about two intervals, so N replicas together can admit past a limit what they take in that time.
     */
    @WithDefault("50ms")
    Duration syncInterval();

    /**
     * Longest wait for Redis' answer to a sync, after which this replica counts alone (logged and counted) and tries
     * Redis again once per this time. No request waits for it.
     */
    @WithDefault("1s")
    Duration redisTimeout();

    /** The window every limit counts in. */
    @WithDefault("60s")
    Duration window();

    /** Requests per window of all of a tenant's callers together. */
    @WithDefault("12000")
    int perTenant();

    /** Requests per window of one client (the token's {@code azp}: the console, one partner integration). */
    @WithDefault("3000")
    int perClient();

    /** Per-client limits that differ from {@link #perClient()}, by client id: a partner's contract. */
    Map<String, Integer> clientLimits();

    /**
     * Clients that people sign in to with a browser (the console's public client): their client limit counts each
     * user apart, or one busy analyst would use up every colleague's console; the tenant's limit still adds them up.
     */
    @WithDefault("hearken-web")
    Set<String> perUserClients();

    /** Public requests per window from one address. */
    @WithDefault("600")
    int perAddress();

    /** Public requests per window to one survey, invitation, inbox or inbound source. */
    @WithDefault("60000")
    int perSurvey();

    /**
     * Addresses of the proxies in front of the gateway (load balancer, ingress), whose {@code X-Forwarded-For} is
     * believed: the client's address is the last one in it that is not a proxy's. Exact addresses or IPv4 CIDR blocks.
     */
    @WithDefault("127.0.0.1,::1")
    List<String> trustedProxies();
}
