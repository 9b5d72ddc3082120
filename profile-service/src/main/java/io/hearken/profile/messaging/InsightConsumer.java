package io.hearken.profile.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.CaseResolved;
import io.hearken.common.events.ChurnRiskAssessed;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.profile.domain.RecordTouchpoint;
import io.hearken.profile.service.ChurnRiskService;
import io.hearken.profile.service.TimelineService;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Brings insight-service's conclusions about customers onto their profiles (consumer and group
 * {@code profile-insights} on {@code hearken.alerts}): a resolved follow-up case becomes a {@code case.resolved}
 * moment on the customer's timeline (once per event, by its id as the touchpoint's source), and a churn risk
 * assessment becomes the {@code churnRisk} trait with its band and reasons (once per event id; a newer assessment
 * wins). The customer is resolved from the event's identities as a response's respondent is. Alerts raised, and
 * types this version does not know, are passed over: the topic carries more than the profile needs.
 */
@ApplicationScoped
public class InsightConsumer implements EventHandler<Supplier<Uni<?>>> {

    static final String CONSUMER = "profile-insights";

    private final TimelineService timeline;
    private final ChurnRiskService churnRisks;
    private final EventConsumers consumers;

    public InsightConsumer(TimelineService timeline, ChurnRiskService churnRisks, EventConsumers consumers) {
        this.timeline = timeline;
        this.churnRisks = churnRisks;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.ALERTS), this);
    }

    /** The work that applies the record, or null for what the profile does not keep. */
    @Override
    public Supplier<Uni<?>> read(ConsumerRecord<byte[], byte[]> record) {
        String type = EventRecords.type(record);
        if (EventTypes.CASE_RESOLVED.equals(type)) {
            CaseResolved event = EventRecords.read(record, CaseResolved.class, Set.of(type));
            if (event.tenant() == null || event.caseId() == null || event.resolvedAt() == null) {
                throw new PermanentEventFailure("case resolution without tenant, caseId or resolvedAt");
            }
            RecordTouchpoint touchpoint = TimelineEvents.caseResolved(eventId(record), event);
            return () -> timeline.record(touchpoint);
        }
        if (EventTypes.CUSTOMER_CHURN_RISK.equals(type)) {
            ChurnRiskAssessed event = EventRecords.read(record, ChurnRiskAssessed.class, Set.of(type));
            if (event.tenant() == null || event.band() == null || event.assessedAt() == null) {
                throw new PermanentEventFailure("churn risk without tenant, band or assessedAt");
            }
            String eventId = eventId(record);
            return () -> churnRisks.apply(CONSUMER, eventId, event.tenant(), TimelineEvents.claim(event.customer()),
                    TimelineEvents.churnRisk(event));
        }
        return null;
    }

    /** One event after the other, in order, each in its own transaction. */
    @Override
    public void apply(List<Supplier<Uni<?>>> events) throws Exception {
        for (Supplier<Uni<?>> event : events) {
            Blocking.await(event::get);
        }
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }

    private static String eventId(ConsumerRecord<byte[], byte[]> record) {
        String id = EventRecords.id(record);
        if (id == null) {
            throw new PermanentEventFailure("an insight event without an id cannot be applied once");
        }
        return id;
    }
}
