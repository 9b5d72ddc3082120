package io.hearken.insight.messaging;

import io.hearken.common.events.ResponseSubmitted;
import io.hearken.insight.repository.NpsRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Updates scores from {@code hearken.response.submitted.v1} events, a batch at a time. Offsets are committed only
 * after the batch's transaction; if PostgreSQL is away the batch is retried until it returns, so no valid event is
 * skipped, and the processed-event guard makes a redelivery count nothing. An event that can never be applied
 * (unreadable, or invalid such as an NPS score outside 0-10) is logged, counted in
 * {@code hearken_events_skipped_total} and skipped, so it cannot hold up the events behind it.
 */
@ApplicationScoped
public class ResponseScoreConsumer {

    static final String CONSUMER = "insight-nps";

    private final NpsRepository repository;
    private final MeterRegistry metrics;

    public ResponseScoreConsumer(NpsRepository repository, MeterRegistry metrics) {
        this.repository = repository;
        this.metrics = metrics;
    }

    @Incoming("responses-in")
    public Uni<Void> consume(List<ResponseSubmitted> batch) {
        List<ResponseSubmitted> events = new ArrayList<>(batch.size());
        for (ResponseSubmitted event : batch) {
            String invalidity = event == null ? "unreadable" : event.invalidity().orElse(null);
            if (invalidity == null) {
                events.add(event);
            } else {
                Log.warnf("Skipping response event %s: %s", event == null ? "?" : event.responseId(), invalidity);
                metrics.counter("hearken.events.skipped", "consumer", CONSUMER).increment();
            }
        }
        return Uni.createFrom().deferred(() -> repository.countNewResponses(CONSUMER, events))
                .onFailure().invoke(failure -> Log.warnf("Scoring %d events failed, retrying: %s", events.size(),
                        failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(5)).indefinitely()
                .invoke(fresh -> metrics.counter("hearken.events.applied", "consumer", CONSUMER).increment(fresh))
                .replaceWithVoid();
    }
}
