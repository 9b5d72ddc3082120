package io.hearken.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request limits every service enforces ({@code hearken.http.*}). */
@ConfigMapping(prefix = "hearken.http")
public interface HttpLimitsConfig {

    /** Largest request body accepted, in bytes, judged by Content-Length; larger ones get a 413 problem. */
    @WithDefault("65536")
    long maxBodyBytes();

    /**
     * Largest body of a batch endpoint (a path ending in {@code /batch}: kiosk uploads, feedback backfills), which
     * carries many records at once; at most {@code quarkus.http.limits.max-body-size}.
     */
    @WithDefault("1048576")
    long batchMaxBodyBytes();
}
