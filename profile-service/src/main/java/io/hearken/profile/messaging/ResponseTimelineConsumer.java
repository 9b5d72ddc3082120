package io.hearken.profile.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.events.Topics;
import io.hearken.profile.service.ProfileService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * Puts every response on its customer's timeline, one transaction per event, in the shared consumer loop: the
 * position is committed after the transactions; PostgreSQL away means the same events are retried in order; an
 * event PostgreSQL can never hold (U+0000 in a text, a value out of range) is dead-lettered and the next one applied.
 */
@ApplicationScoped
public class ResponseTimelineConsumer implements EventHandler<ResponseSubmitted> {

    static final String CONSUMER = "profile-timeline";

    private final ProfileService profiles;
    private final EventConsumers consumers;

    public ResponseTimelineConsumer(ProfileService profiles, EventConsumers consumers) {
        this.profiles = profiles;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.RESPONSES), this);
    }

    @Override
    public ResponseSubmitted read(ConsumerRecord<byte[], byte[]> record) {
        ResponseSubmitted event = EventRecords.readResponse(record);
        // Saved progress joins the timeline once complete, under the same id.
        return event.isComplete() ? event : null;
    }

    @Override
    public void apply(List<ResponseSubmitted> events) throws Exception {
        for (ResponseSubmitted event : events) {
            try {
                // Hibernate Reactive needs a Vert.x context; this runs on the consumer's own thread and waits.
                VertxContextSupport.subscribeAndAwait(() -> profiles.recordResponse(event));
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
