package io.hearken.profile.messaging;

import io.hearken.common.events.ResponseSubmitted;
import io.hearken.profile.service.ProfileService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;

/**
 * Puts every response on its customer's timeline. The offset is committed after the transaction; a failure
 * (PostgreSQL away, two instances creating the same identity at once) is retried until it succeeds. An event that
 * can never be applied (unreadable or invalid) is logged, counted in {@code hearken_events_skipped_total} and
 * skipped, so it cannot hold up the events behind it.
 */
@ApplicationScoped
public class ResponseTimelineConsumer {

    static final String CONSUMER = "profile-timeline";

    private final ProfileService profiles;
    private final MeterRegistry metrics;

    public ResponseTimelineConsumer(ProfileService profiles, MeterRegistry metrics) {
        this.profiles = profiles;
        this.metrics = metrics;
    }

    @Incoming("responses-in")
    public Uni<Void> consume(ResponseSubmitted event) {
        String invalidity = event == null ? "unreadable" : event.invalidity().orElse(null);
        if (invalidity != null) {
            Log.warnf("Skipping response event %s: %s", event == null ? "?" : event.responseId(), invalidity);
            metrics.counter("hearken.events.skipped", "consumer", CONSUMER).increment();
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> profiles.recordResponse(event))
                .onFailure().invoke(failure -> Log.warnf("Recording response %s on a timeline failed, retrying: %s",
                        event.responseId(), failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(5)).indefinitely()
                .invoke(recorded -> {
                    if (recorded) {
                        metrics.counter("hearken.events.applied", "consumer", CONSUMER).increment();
                    }
                })
                .replaceWithVoid();
    }
}
