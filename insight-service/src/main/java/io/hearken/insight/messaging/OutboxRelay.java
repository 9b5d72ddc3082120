package io.hearken.insight.messaging;

import io.hearken.common.events.EventAppender;
import io.hearken.insight.config.InsightConfig;
import io.hearken.insight.repository.OutboxRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Appends the outbox's events ({@link OutboxRepository}) in order, every {@code hearken.insight.outbox.relay-interval},
 * and deletes them once the broker has acknowledged every one. At least once: a crash between the acknowledgement
 * and the delete appends them again under the same event ids, which consumers dedupe. Two instances relaying at
 * once may both append an event; that is the same duplicate, not a loss.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SOURCE = "urn:hearken:insight-service";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final OutboxRepository outbox;
    private final EventAppender appender;
    private final int batchSize;

    public OutboxRelay(OutboxRepository outbox, InsightConfig config) {
        this.outbox = outbox;
        this.appender = new EventAppender(SOURCE, config.cases().announceTimeout());
        this.batchSize = config.outbox().batchSize();
    }

    @Scheduled(identity = "insight-outbox-relay", every = "${hearken.insight.outbox.relay-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayNow() {
        try {
            relay();
        } catch (RuntimeException e) {
            // Kafka or PostgreSQL away: the events stay in the outbox for the next round.
            LOG.warnf("outbox relay failed, retried at the next interval: %s", e.getMessage());
        }
    }

    /** Appends and deletes waiting events until none are left; returns how many. Blocking. */
    public int relay() {
        int relayed = 0;
        List<OutboxRepository.StoredEvent> waiting = outbox.oldest(batchSize).await().atMost(WAIT);
        while (!waiting.isEmpty()) {
            appender.appendAll(waiting.stream().map(OutboxRepository.StoredEvent::event).toList());
            outbox.delete(waiting.stream().map(OutboxRepository.StoredEvent::position).toList())
                    .await().atMost(WAIT);
            relayed += waiting.size();
            if (waiting.size() < batchSize) {
                break;
            }
            waiting = outbox.oldest(batchSize).await().atMost(WAIT);
        }
        return relayed;
    }

    @PreDestroy
    void close() {
        appender.close();
    }
}
