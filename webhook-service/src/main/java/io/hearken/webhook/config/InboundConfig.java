package io.hearken.webhook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How signed feedback from partners is admitted ({@code hearken.inbound.*}; docs/webhooks.md, "Inbound"): how far a
 * message's timestamp may be from our clock, how long a rotated secret keeps verifying, and how long accepted
 * message ids are remembered to answer replays.
 */
@ConfigMapping(prefix = "hearken.inbound")
public interface InboundConfig {

    /**
     * A message whose {@code webhook-timestamp} is further than this from our clock, either way, is refused: a
     * captured request can be replayed only this long, and only until its message id is remembered.
     */
    @WithDefault("5m")
    Duration tolerance();

    /** How long the previous secret keeps verifying after a rotation, unless the rotation says otherwise. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** The longest overlap a rotation may ask for. */
    @WithDefault("7d")
    Duration maxSecretOverlap();

    /**
     * How long an accepted message id is remembered. At least twice the {@link #tolerance()} (a timestamp may lie
     * that far ahead and still be accepted that long after) is always kept, whatever this says; longer also answers
     * a partner's late retries of a message whose answer it lost as duplicates.
     */
    @WithDefault("7d")
    Duration replayWindow();

    /** How often remembered message ids older than the replay window are deleted. */
    @WithDefault("1h")
    Duration sweepInterval();

    /** The {@code Retry-After} of a 503 when survey-service cannot take the feedback in right now. */
    @WithDefault("30s")
    Duration retryAfter();
}
