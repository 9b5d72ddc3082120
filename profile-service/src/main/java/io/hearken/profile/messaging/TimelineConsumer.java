package io.hearken.profile.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.InvitationEvent;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.events.Topics;
import io.hearken.profile.service.TimelineService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Puts responses and invitations on their customers' timelines in the shared consumer loop: one transaction per
 * event, the position committed after them; PostgreSQL away means the same events are retried in order; an event
 * PostgreSQL can never hold (U+0000 in a text, a value out of range) is dead-lettered and the next one applied.
 */
@ApplicationScoped
public class TimelineConsumer implements EventHandler<Supplier<Uni<Void>>> {

    static final String CONSUMER = "profile-timeline";

    private final TimelineService timeline;
    private final EventConsumers consumers;

    public TimelineConsumer(TimelineService timeline, EventConsumers consumers) {
        this.timeline = timeline;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.RESPONSES, Topics.INVITATIONS), this);
    }

    /** Reads a record into the work that applies it, or null for what the timeline does not show. */
    @Override
    public Supplier<Uni<Void>> read(ConsumerRecord<byte[], byte[]> record) {
        if (Topics.INVITATIONS.equals(record.topic())) {
            InvitationEvent event = EventRecords.read(record, InvitationEvent.class,
                    Set.of(EventTypes.INVITATION_CREATED, EventTypes.INVITATION_UPDATED));
            if (event == null || event.tenant() == null || event.invitationId() == null) {
                return null;
            }
            if (EventTypes.INVITATION_CREATED.equals(EventRecords.type(record))) {
                return () -> timeline.record(TimelineEvents.invitation(event)).replaceWithVoid();
            }
            return event.status() == null || event.at() == null ? null
                    : () -> timeline.updateInvitation(event.tenant(),
                    TimelineEvents.invitationSource(event.invitationId()), event.status(), event.at()).replaceWithVoid();
        }
        ResponseSubmitted event = EventRecords.readResponse(record);
        // Saved progress joins the timeline once complete, under the same id.
        return event.isComplete() ? () -> timeline.record(TimelineEvents.response(event)).replaceWithVoid() : null;
    }

    @Override
    public void apply(List<Supplier<Uni<Void>>> events) throws Exception {
        for (Supplier<Uni<Void>> event : events) {
            try {
                // Hibernate Reactive needs a Vert.x context; this runs on the consumer's own thread and waits.
                VertxContextSupport.subscribeAndAwait(event);
            } catch (Exception | Error e) {
                // An Error ends the consumer's thread, which liveness reports; it is never retried as a failure.
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
