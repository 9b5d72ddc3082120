package io.hearken.webhook.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {

    private static final List<Duration> DEFAULT = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(20));
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void theDefaultScheduleSpansAboutThreeDaysInTenAttempts() {
        RetrySchedule schedule = new RetrySchedule(DEFAULT, 0.2, () -> 0.5);
        assertEquals(10, schedule.attempts());
        Duration total = DEFAULT.stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(total.compareTo(Duration.ofHours(70)) > 0 && total.compareTo(Duration.ofHours(74)) < 0,
                total::toString);
    }

    @Test
    void jitterStretchesOrShrinksEachWaitByAtMostItsFraction() {
        assertEquals(Duration.ofSeconds(4), new RetrySchedule(DEFAULT, 0.2, () -> 0.0).waitAfter(1, null)
                .orElseThrow());
        assertEquals(Duration.ofSeconds(6), new RetrySchedule(DEFAULT, 0.2, () -> 1.0).waitAfter(1, null)
                .orElseThrow());
        assertEquals(Duration.ofMinutes(5), new RetrySchedule(DEFAULT, 0.2, () -> 0.5).waitAfter(2, null)
                .orElseThrow());
    }

    @Test
    void retryAfterIsHonouredWhenLongerAndCappedAtADay() {
        RetrySchedule schedule = new RetrySchedule(DEFAULT, 0, () -> 0.5);
        assertEquals(Duration.ofMinutes(2), schedule.waitAfter(1, Duration.ofMinutes(2)).orElseThrow());
        assertEquals(Duration.ofMinutes(5), schedule.waitAfter(2, Duration.ofSeconds(1)).orElseThrow());
        assertEquals(Duration.ofDays(1), schedule.waitAfter(1, Duration.ofDays(30)).orElseThrow());
    }

    @Test
    void nextStepSucceedsOn2xxFailsOnRedirectsAndDiesWhenSpentOrGone() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5)), 0, () -> 0.5);
        EndpointAnswer ok = new EndpointAnswer(204, null, null, null, 3);
        EndpointAnswer redirect = new EndpointAnswer(302, null, null, null, 3);
        EndpointAnswer gone = new EndpointAnswer(410, null, null, null, 3);
        EndpointAnswer timeout = EndpointAnswer.failure("timeout", 15_000);

        assertEquals(DeliveryState.SUCCEEDED, NextStep.after(ok, 1, false, schedule, NOW).state());
        NextStep retry = NextStep.after(redirect, 1, false, schedule, NOW);
        assertEquals(DeliveryState.PENDING, retry.state());
        assertEquals(NOW.plusSeconds(5), retry.nextAttemptAt());
        assertEquals(DeliveryState.DEAD, NextStep.after(timeout, 2, false, schedule, NOW).state());
        assertEquals(DeliveryState.DEAD, NextStep.after(gone, 1, false, schedule, NOW).state());
        assertEquals(DeliveryState.DEAD, NextStep.after(timeout, 1, true, schedule, NOW).state(), "a test send");
    }

    @Test
    void retryAfterCountsOnlyWith429And503() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5)), 0, () -> 0.5);
        Duration hour = Duration.ofHours(1);
        assertEquals(NOW.plus(hour), NextStep.after(new EndpointAnswer(429, null, null, hour, 1), 1, false,
                schedule, NOW).nextAttemptAt());
        assertEquals(NOW.plus(hour), NextStep.after(new EndpointAnswer(503, null, null, hour, 1), 1, false,
                schedule, NOW).nextAttemptAt());
        assertEquals(NOW.plusSeconds(5), NextStep.after(new EndpointAnswer(500, null, null, hour, 1), 1, false,
                schedule, NOW).nextAttemptAt());
    }

    @Test
    void anEndpointIsDisabledWhenGoneOrFailingLongAndOftenEnough() {
        EndpointHealth health = new EndpointHealth(20, Duration.ofDays(3), 3, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
        EndpointAnswer failure = new EndpointAnswer(500, null, null, null, 1);
        assertEquals(DisabledReason.GONE, health.afterFailure(new EndpointAnswer(410, null, null, null, 1), 1, NOW,
                NOW).orElseThrow());
        assertTrue(health.afterFailure(failure, 500, NOW.minus(Duration.ofDays(2)), NOW).isEmpty(), "not long");
        assertTrue(health.afterFailure(failure, 19, NOW.minus(Duration.ofDays(4)), NOW).isEmpty(), "not often");
        assertEquals(DisabledReason.FAILING, health.afterFailure(failure, 20, NOW.minus(Duration.ofDays(3)), NOW)
                .orElseThrow());
    }

    @Test
    void anEndpointFailingThreeTimesInARowIsProbedAtDoublingIntervalsUpToAMinute() {
        EndpointHealth health = new EndpointHealth(20, Duration.ofDays(3), 3, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
        assertTrue(health.probeWait(2).isEmpty());
        assertEquals(Duration.ofSeconds(1), health.probeWait(3).orElseThrow());
        assertEquals(Duration.ofSeconds(2), health.probeWait(4).orElseThrow());
        assertEquals(Duration.ofSeconds(32), health.probeWait(8).orElseThrow());
        assertEquals(Duration.ofSeconds(60), health.probeWait(9).orElseThrow());
        assertEquals(Duration.ofSeconds(60), health.probeWait(500).orElseThrow());
    }
}
