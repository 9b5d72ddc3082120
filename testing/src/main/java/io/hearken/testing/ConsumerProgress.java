package io.hearken.testing;

import io.hearken.common.consumer.ConsumerStatus;
import io.hearken.common.consumer.EventConsumers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * What a consumer test reads of the shared consumer loop: its counters, and whether it has caught up with the topic
 * (so counters compared before and after a test are not moved by what earlier tests left on the topic).
 */
public final class ConsumerProgress {

    private ConsumerProgress() {
    }

    /** Waits until every consumer of the service under test has applied everything the broker has for it. */
    public static void awaitCaughtUp(EventConsumers consumers) {
        await().atMost(Duration.ofSeconds(60)).until(() -> consumers.statuses().stream()
                .allMatch(ConsumerStatus::caughtUp));
    }

    /** A consumer's counter ({@code hearken.events.dead.lettered}, {@code .applied}, {@code .retried}). */
    public static double count(MeterRegistry metrics, String metric, String consumer) {
        Counter counter = metrics.find(metric).tag("consumer", consumer).counter();
        return counter == null ? 0 : counter.count();
    }
}
