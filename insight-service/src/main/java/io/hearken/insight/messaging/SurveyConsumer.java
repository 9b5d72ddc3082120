package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.insight.repository.RollupRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Learns each tenant's surveys from {@code hearken.surveys} (consumer and group {@code insight-surveys}), so that the
 * scores of a survey nobody answered yet are zeros and those of a survey the tenant does not have are 404. Only the
 * survey's id, tenant and name are read; definitions stay survey-service's.
 */
@ApplicationScoped
public class SurveyConsumer implements EventHandler<SurveyConsumer.SurveyNotice> {

    static final String CONSUMER = "insight-surveys";
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> SURVEY_TYPES = Set.of(EventTypes.SURVEY_CHANGED,
            EventTypes.SURVEY_VERSION_PUBLISHED, EventTypes.SURVEY_PUBLISHED_V1);

    private final RollupRepository repository;
    private final EventConsumers consumers;

    public SurveyConsumer(RollupRepository repository, EventConsumers consumers) {
        this.repository = repository;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.SURVEYS), this);
    }

    @Override
    public SurveyNotice read(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            // A tombstone of the compacted topic: the survey's scores stay, as its responses do.
            return null;
        }
        SurveyNotice notice = EventRecords.read(record, SurveyNotice.class, SURVEY_TYPES);
        if (notice == null || notice.tenant() == null || notice.surveyIdentifier() == null) {
            throw new PermanentEventFailure("survey record without id or tenant");
        }
        return notice;
    }

    @Override
    public void apply(List<SurveyNotice> notices) {
        for (SurveyNotice notice : notices) {
            repository.rememberSurvey(notice.tenant(), notice.surveyIdentifier(), notice.name())
                    .await().atMost(TRANSACTION_TIMEOUT);
        }
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }

    /**
     * The fields every survey record shares: {@code id} (a survey's change, a v1 definition) or {@code surveyId} (a
     * published version), the tenant, and the name where the record has one.
     */
    public record SurveyNotice(String id, String surveyId, String tenant, String name) {

        String surveyIdentifier() {
            return id != null ? id : surveyId;
        }
    }
}
