package io.hearken.profile.messaging;

import io.hearken.common.events.ResponseSubmitted;
import io.hearken.profile.service.ProfileService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;

/**
 * Puts every response on its customer's timeline. The offset is committed after the transaction; a failure
 * (PostgreSQL away, two instances creating the same identity at once) is retried, never skipped.
 */
@ApplicationScoped
public class ResponseTimelineConsumer {

    private final ProfileService profiles;

    public ResponseTimelineConsumer(ProfileService profiles) {
        this.profiles = profiles;
    }

    @Incoming("responses-in")
    public Uni<Void> consume(ResponseSubmitted event) {
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> profiles.recordResponse(event))
                .onFailure().invoke(failure -> Log.warnf("Recording response %s on a timeline failed, retrying: %s",
                        event.responseId(), failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(5)).indefinitely()
                .replaceWithVoid();
    }
}
