package io.hearken.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where the gateway sends each API and how long it waits ({@code hearken.gateway.*}). */
@ConfigMapping(prefix = "hearken.gateway")
public interface GatewayConfig {

    /** Base URL of survey-service, e.g. http://localhost:8081. */
    String surveyServiceUrl();

    /** Base URL of profile-service. */
    String profileServiceUrl();

    /** Base URL of insight-service. */
    String insightServiceUrl();

    /** Base URL of webhook-service: partners' webhook subscriptions and their signed inbound feedback. */
    String webhookServiceUrl();

    /**
     * The deadline of a relayed request, from the first try to the answer's last byte (retries included), unless
     * {@link #routeTimeouts()} names another for its route; past it the client gets 504.
     */
    @WithDefault("15s")
    Duration upstreamTimeout();

    /** Deadlines by route name (routing.RouteTable), e.g. {@code hearken.gateway.route-timeouts."submit-batch"=60s}. */
    Map<String, Duration> routeTimeouts();

    /** Largest answer the gateway takes from a service, in bytes; a larger one is cut off and the client gets 502. */
    @WithDefault("10485760")
    int maxAnswerBytes();

    /** When the gateway stops sending to a service that keeps failing, and for how long. */
    CircuitBreakerConfig circuitBreaker();

    interface CircuitBreakerConfig {

        /** Failures in a row (not reached, timed out, cut off) after which a service's circuit opens. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 at once before one request probes the service again. */
        @WithDefault("10s")
        Duration openFor();
    }

    /** Largest request body accepted, in bytes; larger ones get 413. */
    @WithDefault("65536")
    int maxBodyBytes();

    /** Largest body of a batch route (kiosk uploads, feedback backfills: a path ending in /batch), in bytes. */
    @WithDefault("1048576")
    int batchMaxBodyBytes();

    /**
     * Origins of the web console and other first-party frontends allowed to call the API from a browser
     * ({@code HEARKEN_CORS_ORIGINS}, comma-separated). A survey's public endpoints follow the survey's own origins.
     */
    @WithDefault("http://localhost:3000,http://localhost:5173")
    List<String> corsOrigins();

    /**
     * A tenant's own front ends, by tenant ({@code hearken.gateway.tenant-origins."acme"=https://cx.acme.example}):
     * they may call the API from a browser for that tenant's users only.
     */
    Map<String, List<String>> tenantOrigins();

    /** Name of the access-token claim that carries the caller's tenant (workspace). */
    @WithDefault("tenant")
    String tenantClaim();
}
