package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.events.Topics;
import io.hearken.insight.domain.ResponseFacts;
import io.hearken.insight.repository.RollupRepository;
import io.hearken.insight.service.TenantTimeZones;
import io.hearken.insight.service.TextAnalysisService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;

/**
 * Counts the answers of {@code hearken.response.submitted} events into the rollups, and their free-text answers,
 * analysed as they are read, into the text rollups, a batch per transaction, in the
 * shared consumer loop: the position is committed after the transaction, the processed-event guard makes a
 * redelivered (or redriven) event count nothing, PostgreSQL away means the batch is retried in order, and an event
 * that can never be applied (unreadable, a score outside its scale, an unknown version) is dead-lettered. The
 * consumer starts from the topic's first event, so its rollups are a replay of every response ever accepted.
 */
@ApplicationScoped
public class ResponseScoreConsumer implements EventHandler<ResponseFacts> {

    static final String CONSUMER = "insight-rollups";
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    private final RollupRepository repository;
    private final TenantTimeZones timeZones;
    private final TextAnalysisService texts;
    private final EventConsumers consumers;

    public ResponseScoreConsumer(RollupRepository repository, TenantTimeZones timeZones, TextAnalysisService texts,
                                 EventConsumers consumers) {
        this.repository = repository;
        this.timeZones = timeZones;
        this.texts = texts;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.RESPONSES), this);
    }

    @Override
    public ResponseFacts read(ConsumerRecord<byte[], byte[]> record) {
        ResponseSubmitted event = EventRecords.readResponse(record);
        // Saved progress is not a score yet: the complete response, under the same id, is counted once.
        if (!event.isComplete()) {
            return null;
        }
        if (event.submittedAt() == null) {
            throw new PermanentEventFailure("response " + event.responseId() + " without submittedAt");
        }
        return ResponseFactsMapper.from(event, texts);
    }

    @Override
    public void apply(List<ResponseFacts> responses) {
        repository.countNewResponses(CONSUMER, responses, timeZones::of).await().atMost(TRANSACTION_TIMEOUT);
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
