package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.ResponseAttributed;
import io.hearken.common.events.Topics;
import io.hearken.insight.repository.SegmentJoinRepository;
import io.hearken.insight.repository.SegmentJoinRepository.Attribution;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Joins each response with the segments its customer was in when profile-service recorded it
 * ({@code hearken.response.attributed.v1} on {@code hearken.profiles}, consumer and group {@code insight-segments}),
 * a batch per transaction in the shared consumer loop, once per event id: the response's answers then count in the
 * rows of each of those segments, whichever of the response and its attribution was read first. Starts at the topic's
 * first event, like the response consumer, so a replay of both topics rebuilds the segment rows. Other profile events
 * are passed over.
 */
@ApplicationScoped
public class SegmentAttributionConsumer implements EventHandler<Attribution> {

    static final String CONSUMER = "insight-segments";
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    private final SegmentJoinRepository repository;
    private final EventConsumers consumers;

    public SegmentAttributionConsumer(SegmentJoinRepository repository, EventConsumers consumers) {
        this.repository = repository;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.PROFILES), this);
    }

    @Override
    public Attribution read(ConsumerRecord<byte[], byte[]> record) {
        String type = EventRecords.type(record);
        if (!EventTypes.RESPONSE_ATTRIBUTED.equals(type)) {
            return null;
        }
        ResponseAttributed attribution = EventRecords.read(record, ResponseAttributed.class, Set.of(type));
        if (attribution == null || attribution.eventId() == null || attribution.tenant() == null
                || attribution.responseId() == null
                || (attribution.segments() != null && attribution.segments().stream().anyMatch(id -> id == null))) {
            throw new PermanentEventFailure("attribution event breaks the contract");
        }
        return new Attribution(attribution.eventId(), attribution.tenant(), attribution.responseId(),
                attribution.segments() == null ? List.of() : attribution.segments());
    }

    @Override
    public void apply(List<Attribution> attributions) {
        repository.attribute(CONSUMER, attributions).await().atMost(TRANSACTION_TIMEOUT);
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
