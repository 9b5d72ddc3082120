package io.hearken.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How an endpoint's failures change how it is treated.
 *
 * <p>After {@code probeAfter} failed attempts in a row it is only probed: one attempt at a time, the next no sooner
 * than {@code probeInterval}, doubling with each further failure up to {@code probeMax}, until one succeeds. A dead
 * endpoint then costs one attempt per interval rather than one per message, so the dispatcher's capacity goes to
 * endpoints that answer; its messages wait, due, and flow again after the first 2xx.
 *
 * <p>It is disabled without its owner asking at once when it answers 410 Gone, or when it has failed at least
 * {@code failures} attempts in a row spanning at least {@code period} with no success between. Both conditions, so
 * neither a burst of failures in a minute nor one failure a day for a week disables it.
 */
public record EndpointHealth(int failures, Duration period, int probeAfter, Duration probeInterval,
                             Duration probeMax) {

    /** The reason to disable the endpoint after a failed attempt, if there is one. */
    public Optional<DisabledReason> afterFailure(EndpointAnswer answer, int consecutiveFailures, Instant failingSince,
                                                 Instant now) {
        if (answer.gone()) {
            return Optional.of(DisabledReason.GONE);
        }
        if (consecutiveFailures >= failures && failingSince != null
                && !failingSince.plus(period).isAfter(now)) {
            return Optional.of(DisabledReason.FAILING);
        }
        return Optional.empty();
    }

    /** Whether an endpoint with this many failures in a row is only probed. */
    public boolean probing(int consecutiveFailures) {
        return consecutiveFailures >= probeAfter;
    }

    /** How long until the next probe of an endpoint with this many failures in a row, if it is being probed. */
    public Optional<Duration> probeWait(int consecutiveFailures) {
        if (!probing(consecutiveFailures)) {
            return Optional.empty();
        }
        int doublings = Math.min(consecutiveFailures - probeAfter, 30);
        Duration wait = probeInterval.multipliedBy(1L << doublings);
        return Optional.of(wait.compareTo(probeMax) > 0 ? probeMax : wait);
    }
}
