package io.hearken.webhook.service;

import io.hearken.webhook.config.InboundConfig;
import io.hearken.webhook.repository.InboundMessageRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Forgets accepted message ids once they are older than the replay window, in batches so that no delete holds many
 * rows at once. Never sooner than twice the tolerance: a message stamped up to the tolerance ahead of our clock is
 * still accepted until twice the tolerance after it arrived, and its id must still be known then. Several instances
 * may sweep at once: a row is deleted once whoever deletes it.
 */
@ApplicationScoped
public class InboundMessageSweep {

    private static final int BATCH = 5000;

    private final InboundMessageRepository messages;
    private final Duration window;

    public InboundMessageSweep(InboundMessageRepository messages, InboundConfig config) {
        this.messages = messages;
        Duration floor = config.tolerance().multipliedBy(2).plusMinutes(1);
        this.window = config.replayWindow().compareTo(floor) < 0 ? floor : config.replayWindow();
    }

    @Scheduled(identity = "inbound-message-sweep", every = "${hearken.inbound.sweep-interval:1h}",
            delayed = "${hearken.inbound.sweep-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweepNow() {
        return sweep(Instant.now())
                .invoke(forgotten -> {
                    if (forgotten > 0) {
                        Log.infof("Forgot %d inbound message ids older than %s", forgotten, window);
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("Inbound message sweep failed, retried at the next "
                        + "interval: %s", failure.getMessage()))
                .onFailure().recoverWithItem(0)
                .replaceWithVoid();
    }

    /** Forgets every id received before {@code now} minus the window; returns how many. */
    public Uni<Integer> sweep(Instant now) {
        return forget(now.minus(window), 0);
    }

    /** The window actually kept: the configured one, or twice the tolerance and a minute when that is longer. */
    public Duration window() {
        return window;
    }

    private Uni<Integer> forget(Instant before, int sofar) {
        return messages.forgetReceivedBefore(before, BATCH).chain(deleted -> deleted < BATCH
                ? Uni.createFrom().item(sofar + deleted) : forget(before, sofar + deleted));
    }
}
