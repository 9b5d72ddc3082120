package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.events.Topics;
import io.hearken.insight.repository.NpsRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;

/**
 * Updates scores from {@code hearken.response.submitted.v1} events, a batch per transaction, in the shared consumer
 * loop: the position is committed after the transaction, the processed-event guard makes a redelivered (or redriven)
 * event count nothing, PostgreSQL away means the batch is retried in order, and an event that can never be applied
 * (unreadable, an NPS score outside 0-10, an unknown version) is dead-lettered.
 */
@ApplicationScoped
public class ResponseScoreConsumer implements EventHandler<ResponseSubmitted> {

    static final String CONSUMER = "insight-nps";
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    private final NpsRepository repository;
    private final EventConsumers consumers;

    public ResponseScoreConsumer(NpsRepository repository, EventConsumers consumers) {
        this.repository = repository;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.RESPONSES), this);
    }

    @Override
    public ResponseSubmitted read(ConsumerRecord<byte[], byte[]> record) {
        ResponseSubmitted event = EventRecords.readResponse(record);
        // Saved progress is not a score yet: the complete response, under the same id, is counted once.
        return event.isComplete() ? event : null;
    }

    @Override
    public void apply(List<ResponseSubmitted> events) {
        repository.countNewResponses(CONSUMER, events).await().atMost(TRANSACTION_TIMEOUT);
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
