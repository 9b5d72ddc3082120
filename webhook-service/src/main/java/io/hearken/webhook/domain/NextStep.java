package io.hearken.webhook.domain;

import java.time.Instant;

/**
 * What becomes of a delivery after an attempt: done, dead, or tried again at {@code nextAttemptAt}. Decided here so
 * the rule (2xx succeeds; 410 and a spent schedule end it; Retry-After is honoured) has one home.
 */
public record NextStep(DeliveryState state, Instant nextAttemptAt) {

    /**
     * The step after attempt number {@code attemptsMade} (counting this one) got {@code answer}. A test send
     * ({@code once}) is never retried.
     */
    public static NextStep after(EndpointAnswer answer, int attemptsMade, boolean once, RetrySchedule schedule,
                                 Instant now) {
        if (answer.succeeded()) {
            return new NextStep(DeliveryState.SUCCEEDED, now);
        }
        if (once || answer.gone()) {
            return new NextStep(DeliveryState.DEAD, now);
        }
        return schedule.waitAfter(attemptsMade, answer.honouredRetryAfter())
                .map(wait -> new NextStep(DeliveryState.PENDING, now.plus(wait)))
                .orElseGet(() -> new NextStep(DeliveryState.DEAD, now));
    }
}
