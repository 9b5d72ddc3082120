package io.hearken.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an endpoint is disabled without its owner asking: at once when it answers 410 Gone, or when it has failed
 * at least {@code failures} attempts in a row spanning at least {@code period} with no success between. Both
 * conditions, so neither a burst of failures in a minute nor one failure a day for a week disables it.
 */
public record EndpointHealth(int failures, Duration period) {

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
}
