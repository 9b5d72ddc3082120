package io.hearken.insight.messaging;

import io.hearken.common.events.ResponseSubmitted;
import io.hearken.insight.repository.NpsRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Updates scores from {@code hearken.response.submitted.v1} events, a batch at a time. Offsets are committed only
 * after the batch's transaction; if PostgreSQL is away the batch is retried until it returns, so nothing is
 * skipped, and the processed-event guard makes a redelivery count nothing.
 */
@ApplicationScoped
public class ResponseScoreConsumer {

    static final String CONSUMER = "insight-nps";

    private final NpsRepository repository;

    public ResponseScoreConsumer(NpsRepository repository) {
        this.repository = repository;
    }

    @Incoming("responses-in")
    public Uni<Void> consume(List<ResponseSubmitted> batch) {
        List<ResponseSubmitted> events = batch.stream().filter(Objects::nonNull).toList();
        return repository.countNewResponses(CONSUMER, events)
                .onFailure().invoke(failure -> Log.warnf("Scoring %d events failed, retrying: %s", events.size(),
                        failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(5)).indefinitely()
                .invoke(fresh -> Log.debugf("Scored %d new of %d events", fresh, (Integer) events.size()))
                .replaceWithVoid();
    }
}
