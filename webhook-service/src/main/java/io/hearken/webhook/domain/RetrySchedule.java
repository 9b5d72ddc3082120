package io.hearken.webhook.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: the waits after the first attempt, each stretched or shrunk at random by up
 * to {@code jitter} so that the retries of a burst do not arrive together. After the last wait's attempt fails, the
 * delivery is dead (kept in the log, redeliverable by hand).
 *
 * <p>The default (hearken.webhooks.retry-schedule) is 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 20 h: ten
 * attempts over about three days, like the Standard Webhooks example schedule stretched to survive a long weekend.
 */
public final class RetrySchedule {

    /** An endpoint's Retry-After is honoured up to this, so a mistaken header cannot park a message for months. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final List<Duration> waits;
    private final double jitter;
    private final DoubleSupplier random;

    public RetrySchedule(List<Duration> waits, double jitter, DoubleSupplier random) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        this.waits = List.copyOf(waits);
        this.jitter = jitter;
        this.random = random;
    }

    /** How many attempts a delivery gets in all: the first and one per wait. */
    public int attempts() {
        return waits.size() + 1;
    }

    /**
     * The wait before the next attempt once {@code attemptsMade} attempts have failed, at least what the endpoint
     * asked for in Retry-After (up to {@link #MAX_RETRY_AFTER}); empty when the schedule is spent.
     */
    public Optional<Duration> waitAfter(int attemptsMade, Duration retryAfter) {
        if (attemptsMade < 1 || attemptsMade > waits.size()) {
            return Optional.empty();
        }
        Duration planned = waits.get(attemptsMade - 1);
        long millis = Math.round(planned.toMillis() * (1 + jitter * (2 * random.getAsDouble() - 1)));
        Duration wait = Duration.ofMillis(Math.max(0, millis));
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            if (asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        return Optional.of(wait);
    }

    /** The waits as configured, without jitter. */
    public List<Duration> waits() {
        return waits;
    }
}
