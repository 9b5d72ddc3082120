package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.CustomerOutcome;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.ProfileErased;
import io.hearken.common.events.ProfileMerged;
import io.hearken.common.events.Topics;
import io.hearken.insight.domain.CustomerOutcomeFacts;
import io.hearken.insight.domain.NpsScore;
import io.hearken.insight.repository.OutcomeRepository.ProfileChange;
import io.hearken.insight.repository.OutcomeRepository;
import io.hearken.insight.service.TenantTimeZones;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Counts business outcomes by NPS group ({@code hearken.customer.outcome.v1} on {@code hearken.profiles}, consumer
 * and group {@code insight-outcomes}) and keeps each profile's purchase count through merges and erasures on the
 * same topic, in order (one profile's events share a partition). Other profile events are passed over.
 */
@ApplicationScoped
public class OutcomeConsumer implements EventHandler<ProfileChange> {

    static final String CONSUMER = "insight-outcomes";
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    private final OutcomeRepository repository;
    private final TenantTimeZones timeZones;
    private final EventConsumers consumers;

    public OutcomeConsumer(OutcomeRepository repository, TenantTimeZones timeZones, EventConsumers consumers) {
        this.repository = repository;
        this.timeZones = timeZones;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.PROFILES), this);
    }

    @Override
    public ProfileChange read(ConsumerRecord<byte[], byte[]> record) {
        String type = EventRecords.type(record);
        if (EventTypes.CUSTOMER_OUTCOME.equals(type)) {
            CustomerOutcome outcome = EventRecords.read(record, CustomerOutcome.class, Set.of(type));
            if (outcome == null || outcome.eventId() == null || outcome.tenant() == null
                    || outcome.profileId() == null || outcome.occurredAt() == null
                    || !CustomerOutcome.isOutcome(outcome.outcome())
                    || (outcome.lastNps() != null && (outcome.lastNps() < 0 || outcome.lastNps() > 10))
                    || outcome.segmentsOrNone().stream().anyMatch(segment -> segment == null)) {
                throw new PermanentEventFailure("outcome event breaks the contract");
            }
            return new ProfileChange(new CustomerOutcomeFacts(outcome.eventId(), outcome.tenant(),
                    outcome.profileId(), CustomerOutcomeFacts.Outcome.valueOf(outcome.outcome()
                    .toUpperCase(Locale.ROOT)), outcome.occurredAt(), outcome.journeyStage(),
                    outcome.lastNps() == null ? null : NpsScore.groupOf(outcome.lastNps()),
                    outcome.segmentsOrNone()), null, null);
        }
        if (EventTypes.PROFILE_MERGED.equals(type)) {
            ProfileMerged merge = EventRecords.read(record, ProfileMerged.class, Set.of(type));
            if (merge == null || merge.mergeId() == null || merge.tenant() == null || merge.mergedId() == null
                    || merge.survivorId() == null) {
                throw new PermanentEventFailure("merge event breaks the contract");
            }
            return new ProfileChange(null, new OutcomeRepository.Merge(merge.mergeId(), merge.tenant(),
                    merge.mergedId(), merge.survivorId()), null);
        }
        ProfileErased erasure = EventRecords.readErasure(record);
        return erasure == null ? null
                : new ProfileChange(null, null, new OutcomeRepository.Erasure(erasure.tenant(), erasure.profileId()));
    }

    @Override
    public void apply(List<ProfileChange> changes) {
        repository.apply(CONSUMER, changes, timeZones::of).await().atMost(TRANSACTION_TIMEOUT);
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
