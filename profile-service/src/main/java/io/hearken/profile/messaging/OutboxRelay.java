package io.hearken.profile.messaging;

import io.hearken.common.events.EventAppender;
import io.hearken.profile.config.ProfileServiceConfig;
import io.hearken.profile.repository.OutboxRepository.PendingEvent;
import io.hearken.profile.repository.OutboxRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends the outbox's events to Kafka, oldest first, and deletes each once the broker acknowledged it. At least
 * once: a crash between the append and the delete appends the event again with the same id, which consumers apply
 * once. Runs on its own thread so a slow broker delays only the announcements, never the changes.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 500;

    private final OutboxRepository outbox;
    private final ProfileServiceConfig config;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(OutboxRepository outbox, ProfileServiceConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.outbox().enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "profile-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        // No interrupt: the relay finishes the append in hand (at most one poll interval) and closes its producer.
        running = false;
    }

    private void run() {
        try (EventAppender appender = new EventAppender("urn:hearken:profile-service", Duration.ofSeconds(15))) {
            while (running) {
                try {
                    if (relayOnce(appender) == 0) {
                        Thread.sleep(config.outbox().pollInterval().toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    Log.warnf("Profile events wait in the outbox: %s", e.toString());
                    sleepQuietly(Duration.ofSeconds(1));
                }
            }
        }
    }

    /**
     * Appends one batch, every event sent before any acknowledgement is awaited (one round trip per batch: every
     * recorded response announces its attribution, so the relay must keep up with the timeline), and deletes them
     * once all are acknowledged; answers how many events were relayed. If one is not acknowledged, none is deleted
     * and the batch is appended again: at least once, the same ids.
     */
    int relayOnce(EventAppender appender) throws Exception {
        List<PendingEvent> pending = Blocking.await(() -> Panache.withSession(() -> outbox.oldest(BATCH)));
        if (pending.isEmpty()) {
            return 0;
        }
        List<EventAppender.Event> events = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (PendingEvent event : pending) {
            events.add(new EventAppender.Event(event.topic(), event.key(), event.id().toString(), event.type(),
                    event.subject(), event.tenant(), event.occurredAt(), new EventAppender.Json(event.data())));
            ids.add(event.id());
        }
        appender.appendAll(events);
        Blocking.await(() -> Panache.withTransaction(() -> outbox.delete(ids)));
        return pending.size();
    }

    private static void sleepQuietly(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
