package io.hearken.common.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when a consumer's thread has ended while the service runs: only a restart brings it back, so the
 * orchestrator should restart the service. A consumer that waits for its store is alive (readiness tells that).
 */
@Liveness
@ApplicationScoped
public class EventConsumersLiveness implements HealthCheck {

    private final EventConsumers consumers;

    public EventConsumersLiveness(EventConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Event consumer threads").up();
        for (ConsumerStatus status : consumers.statuses()) {
            response.withData(status.consumer(), status.running() ? "running" : "stopped");
            if (!status.running()) {
                response.down();
            }
        }
        return response.build();
    }
}
