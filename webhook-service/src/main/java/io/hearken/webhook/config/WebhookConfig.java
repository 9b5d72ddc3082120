package io.hearken.webhook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How deliveries are tried, retried, bounded and given up on ({@code hearken.webhooks.*}; docs/webhooks.md). */
@ConfigMapping(prefix = "hearken.webhooks")
public interface WebhookConfig {

    /** The waits before each retry after the first attempt; a delivery is dead when they run out. */
    List<Duration> retrySchedule();

    /** Each wait is stretched or shrunk at random by up to this fraction, so retries of a burst spread out. */
    @WithDefault("0.2")
    double jitter();

    /** The whole of one attempt: connecting, sending and reading the answer. */
    @WithDefault("15s")
    Duration attemptTimeout();

    /** Requests in flight from this instance. */
    @WithDefault("256")
    int maxInFlight();

    /** Requests in flight from this instance to one endpoint: a slow endpoint fills only its own share. */
    @WithDefault("8")
    int maxInFlightPerEndpoint();

    /** How often the schedule is looked at when nothing new has woken the dispatcher. */
    @WithDefault("500ms")
    Duration pollInterval();

    /**
     * After this many failed attempts in a row an endpoint is only probed: one attempt at a time, the next no sooner
     * than {@link #probeInterval()}, doubling up to {@link #probeIntervalMax()}, until one succeeds.
     */
    @WithDefault("3")
    int probeAfterFailures();

    @WithDefault("1s")
    Duration probeInterval();

    @WithDefault("60s")
    Duration probeIntervalMax();

    /** An endpoint is disabled after at least this many failed attempts in a row... */
    @WithDefault("20")
    int disableAfterFailures();

    /** ...spanning at least this long without a success. */
    @WithDefault("3d")
    Duration disableAfter();

    /** CIDR blocks deliveries may reach although private or loopback; none in production. */
    Optional<List<String>> allowedNetworks();

    /** Whether endpoints must be https; plain http only for local development and tests. */
    @WithDefault("true")
    boolean httpsOnly();

    /** How long messages and their attempts are kept once no delivery of theirs is pending. */
    @WithDefault("30d")
    Duration retention();

    /** How much of an endpoint's answer the delivery log keeps. */
    @WithDefault("1024")
    int responseExcerptBytes();

    /** How long the previous secret keeps signing after a rotation, unless the rotation says otherwise. */
    @WithDefault("24h")
    Duration secretOverlap();
}
