package io.hearken.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Where the gateway sends each API and how long it waits ({@code hearken.gateway.*}). */
@ConfigMapping(prefix = "hearken.gateway")
public interface GatewayConfig {

    /** Base URL of survey-service, e.g. http://localhost:8081. */
    String surveyServiceUrl();

    /** Base URL of profile-service. */
    String profileServiceUrl();

    /** Base URL of insight-service. */
    String insightServiceUrl();

    /** Longest wait for an upstream answer before the client gets 504. */
    @WithDefault("15s")
    Duration upstreamTimeout();

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

    /** Name of the access-token claim that carries the caller's tenant (workspace). */
    @WithDefault("tenant")
    String tenantClaim();
}
