package io.hearken.profile.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PostgresFailures;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.InvitationEvent;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.events.Topics;
import io.hearken.profile.config.ProfileServiceConfig;
import io.hearken.profile.domain.RecordTouchpoint;
import io.hearken.profile.service.TimelineService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Puts responses, invitations and feedback on their customers' timelines in the shared consumer loop, the position committed
 * after the batch; PostgreSQL away means the same events are retried in order; an event PostgreSQL can never hold
 * (U+0000 in a text, a value out of range) is dead-lettered and the next one applied.
 *
 * <p>Touchpoints of customers already known (the everyday case) are recorded set-based, the whole batch in one
 * transaction. The rest is spread over lanes by customer (the strongest identity an event names; an invitation's updates by
 * invitation), each lane applied in order in its own transactions and lanes side by side, so one customer's events
 * keep their order while PostgreSQL works on several customers at once. Events of two lanes that turn out to be
 * one customer meet on the profile's row lock, and {@code Conflicts} runs the loser again.
 */
@ApplicationScoped
public class TimelineConsumer implements EventHandler<TimelineConsumer.TimelineWork> {

    static final String CONSUMER = "profile-timeline";

    /**
     * One event's work and the lane it belongs to; {@code touchpoint} when it records one (and may go in the batch),
     * null for an update of an existing touchpoint.
     */
    public record TimelineWork(String lane, RecordTouchpoint touchpoint, Supplier<Uni<Void>> work) {
    }

    private final TimelineService timeline;
    private final EventConsumers consumers;
    private final int lanes;
    private final ExecutorService workers;

    public TimelineConsumer(TimelineService timeline, EventConsumers consumers, ProfileServiceConfig config) {
        this.timeline = timeline;
        this.consumers = consumers;
        this.lanes = config.timelineLanes();
        this.workers = Executors.newFixedThreadPool(lanes, runnable -> {
            Thread thread = new Thread(runnable, "profile-timeline-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.RESPONSES, Topics.INVITATIONS, Topics.FEEDBACK), this);
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }

    /** Reads a record into the work that applies it, or null for what the timeline does not show. */
    @Override
    public TimelineWork read(ConsumerRecord<byte[], byte[]> record) {
        if (Topics.INVITATIONS.equals(record.topic())) {
            InvitationEvent event = EventRecords.read(record, InvitationEvent.class,
                    Set.of(EventTypes.INVITATION_CREATED, EventTypes.INVITATION_UPDATED));
            if (event == null || event.tenant() == null || event.invitationId() == null) {
                return null;
            }
            String source = TimelineEvents.invitationSource(event.invitationId());
            if (EventTypes.INVITATION_CREATED.equals(EventRecords.type(record))) {
                // Created and updated of one invitation share its lane, so the update finds the touchpoint.
                RecordTouchpoint invitation = TimelineEvents.invitation(event);
                return new TimelineWork(source, invitation, () -> timeline.record(invitation).replaceWithVoid());
            }
            return event.status() == null || event.at() == null ? null
                    : new TimelineWork(source, null, () -> timeline.updateInvitation(event.tenant(), source,
                    event.status(), event.at()).replaceWithVoid());
        }
        if (Topics.FEEDBACK.equals(record.topic())) {
            RecordTouchpoint feedback = TimelineEvents.feedback(EventRecords.readFeedback(record));
            return feedback.claim().isEmpty() ? null
                    : new TimelineWork(feedback.claim().identities().get(0).key(), feedback,
                    () -> timeline.record(feedback).replaceWithVoid());
        }
        ResponseSubmitted event = EventRecords.readResponse(record);
        if (!event.isComplete()) {
            // Saved progress joins the timeline once complete, under the same id.
            return null;
        }
        RecordTouchpoint touchpoint = TimelineEvents.response(event);
        String lane = touchpoint.claim().isEmpty() ? event.responseId()
                : touchpoint.claim().identities().get(0).key();
        return new TimelineWork(lane, touchpoint, () -> timeline.record(touchpoint).replaceWithVoid());
    }

    /**
     * Touchpoints of known customers first, set-based in one transaction; then the rest (new customers, links,
     * merges, invitation updates) one by one in lanes.
     */
    @Override
    public void apply(List<TimelineWork> events) throws Exception {
        List<RecordTouchpoint> touchpoints = events.stream().map(TimelineWork::touchpoint)
                .filter(touchpoint -> touchpoint != null).toList();
        Set<RecordTouchpoint> leftOver = Collections.newSetFromMap(new IdentityHashMap<>());
        leftOver.addAll(Blocking.await(() -> timeline.recordBatch(touchpoints)));
        Map<Integer, List<TimelineWork>> byLane = new LinkedHashMap<>();
        for (TimelineWork event : events) {
            if (event.touchpoint() != null && !leftOver.contains(event.touchpoint())) {
                continue;
            }
            byLane.computeIfAbsent(Math.floorMod(event.lane().hashCode(), lanes), lane -> new ArrayList<>())
                    .add(event);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<TimelineWork> lane : byLane.values()) {
            running.add(workers.submit(() -> {
                for (TimelineWork event : lane) {
                    // Hibernate Reactive needs a Vert.x context: each lane's thread gets its own and waits.
                    Blocking.await(event.work());
                }
                return null;
            }));
        }
        Exception first = null;
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    // An Error ends the consumer's thread, which liveness reports; it is never retried as a failure.
                    throw error;
                }
                first = first == null ? (Exception) e.getCause() : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PostgresFailures.isPermanent(failure);
    }
}
