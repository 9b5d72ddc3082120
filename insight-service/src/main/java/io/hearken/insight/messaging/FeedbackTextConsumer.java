package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.FeedbackReceived;
import io.hearken.common.events.Topics;
import io.hearken.insight.domain.AnalysedText;
import io.hearken.insight.domain.FeedbackFacts;
import io.hearken.insight.domain.TextRollupKey;
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
 * Analyses unsolicited feedback ({@code hearken.feedback.received.v1}: reviews, social posts, tickets) and counts it
 * into the text rollups (origin {@code feedback}, its source as channel, its language as locale), a batch per
 * transaction with the processed-event guard, in the shared consumer loop (consumer and group
 * {@code insight-feedback}). Feedback without text (a bare star rating) has nothing to analyse and is passed over.
 */
@ApplicationScoped
public class FeedbackTextConsumer implements EventHandler<FeedbackFacts> {

    static final String CONSUMER = "insight-feedback";
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    private final RollupRepository repository;
    private final TenantTimeZones timeZones;
    private final TextAnalysisService texts;
    private final EventConsumers consumers;

    public FeedbackTextConsumer(RollupRepository repository, TenantTimeZones timeZones, TextAnalysisService texts,
                                EventConsumers consumers) {
        this.repository = repository;
        this.timeZones = timeZones;
        this.texts = texts;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.FEEDBACK), this);
    }

    @Override
    public FeedbackFacts read(ConsumerRecord<byte[], byte[]> record) {
        FeedbackReceived feedback = EventRecords.readFeedback(record);
        if (feedback.text() == null || feedback.text().isBlank()) {
            return null;
        }
        return new FeedbackFacts(feedback.feedbackId(), feedback.tenant(), feedback.source(), feedback.language(),
                feedback.postedAt(), new AnalysedText(TextRollupKey.ANY,
                texts.analyze(feedback.text(), feedback.language())));
    }

    @Override
    public void apply(List<FeedbackFacts> feedback) {
        repository.countNewFeedback(CONSUMER, feedback, timeZones::of).await().atMost(TRANSACTION_TIMEOUT);
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
