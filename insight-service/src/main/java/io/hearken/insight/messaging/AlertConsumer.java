package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.events.Topics;
import io.hearken.insight.domain.ResponseSignals;
import io.hearken.insight.repository.RaisedAlert;
import io.hearken.insight.service.AlertService;
import io.hearken.insight.service.TextAnalysisService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;

/**
 * Raises alerts from complete {@code hearken.response.submitted} events and from feedback
 * ({@code hearken.feedback.received}: only sentiment and keyword rules can fire for it), their texts analysed as
 * they are read, a batch per transaction, in the shared
 * consumer loop (consumer and group {@code insight-alerts}). Alerts and their cases are stored once by id; after the
 * transaction every alert of the batch, new or stored by an earlier delivery, is announced on {@code hearken.alerts},
 * and only then is the position committed: an alert is raised once and announced at least once, whatever crashes
 * between the commit of the transaction and that of the position.
 */
@ApplicationScoped
public class AlertConsumer implements EventHandler<ResponseSignals> {

    static final String CONSUMER = "insight-alerts";
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    private final AlertService alerts;
    private final AlertAnnouncements announcements;
    private final TextAnalysisService analyser;
    private final EventConsumers consumers;

    public AlertConsumer(AlertService alerts, AlertAnnouncements announcements, TextAnalysisService analyser,
                         EventConsumers consumers) {
        this.alerts = alerts;
        this.announcements = announcements;
        this.analyser = analyser;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.RESPONSES, Topics.FEEDBACK), this);
    }

    @Override
    public ResponseSignals read(ConsumerRecord<byte[], byte[]> record) {
        if (Topics.FEEDBACK.equals(record.topic())) {
            return ResponseSignalsMapper.from(EventRecords.readFeedback(record), analyser);
        }
        ResponseSubmitted event = EventRecords.readResponse(record);
        // Saved progress raises nothing: the complete response, under the same id, is judged once.
        if (!event.isComplete()) {
            return null;
        }
        if (event.submittedAt() == null) {
            throw new PermanentEventFailure("response " + event.responseId() + " without submittedAt");
        }
        return ResponseSignalsMapper.from(event, analyser);
    }

    @Override
    public void apply(List<ResponseSignals> responses) {
        List<RaisedAlert> raised = alerts.raise(responses).await().atMost(TRANSACTION_TIMEOUT);
        announcements.announceAll(raised);
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
