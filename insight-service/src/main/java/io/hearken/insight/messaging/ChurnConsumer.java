package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.events.Topics;
import io.hearken.insight.domain.ResponseSignals;
import io.hearken.insight.repository.ProcessedEvents;
import io.hearken.insight.service.ChurnService;
import io.hearken.insight.service.RecoveryService;
import io.hearken.insight.service.TextAnalysisService;
import io.hearken.insight.service.Timestamps;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Follows each named customer's responses (consumer and group {@code insight-churn} on {@code hearken.responses}):
 * measures recovery for their resolved cases ({@link RecoveryService}) and keeps their churn signals, assessing them
 * again ({@link ChurnService}), a batch per transaction behind the processed-event guard, so each response counts
 * once; the batch's customers are looked up, locked and written back a few statements for all of them. An assessment that changed goes into the outbox in the same transaction; the relay announces it. Anonymous
 * responses and saved progress are passed over.
 */
@ApplicationScoped
public class ChurnConsumer implements EventHandler<ResponseSignals> {

    static final String CONSUMER = "insight-churn";
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);
    private final Pool pool;
    private final ChurnService churn;
    private final RecoveryService recoveries;
    private final TextAnalysisService analyser;
    private final EventConsumers consumers;

    public ChurnConsumer(Pool pool, ChurnService churn, RecoveryService recoveries, TextAnalysisService analyser,
                         EventConsumers consumers) {
        this.pool = pool;
        this.churn = churn;
        this.recoveries = recoveries;
        this.analyser = analyser;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.RESPONSES), this);
    }

    @Override
    public ResponseSignals read(ConsumerRecord<byte[], byte[]> record) {
        ResponseSubmitted event = EventRecords.readResponse(record);
        if (!event.isComplete() || event.submittedAt() == null) {
            return null;
        }
        ResponseSignals response = ResponseSignalsMapper.from(event, analyser);
        return response.respondent().customerKey().isEmpty() ? null : response;
    }

    @Override
    public void apply(List<ResponseSignals> responses) {
        Instant now = Timestamps.now();
        pool.withTransaction(connection -> ProcessedEvents.recordNew(connection, CONSUMER,
                        responses.stream().map(ResponseSignals::sourceEventId).toList())
                .chain(fresh -> {
                    List<ResponseSignals> applied = firstOfEach(responses, fresh);
                    return recoveries.measure(connection, applied, now)
                            .chain(() -> churn.record(connection, applied, now));
                }))
                .await().atMost(TRANSACTION_TIMEOUT);
    }

    /** The responses not applied before, an id repeated in the batch only once. */
    private static List<ResponseSignals> firstOfEach(List<ResponseSignals> responses, Set<String> fresh) {
        return responses.stream().filter(response -> fresh.remove(response.sourceEventId())).toList();
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
