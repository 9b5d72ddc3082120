package io.hearken.common.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while any consumer of this service is stalled (records waiting, none applied for the stall timeout) or has
 * stopped, naming the consumer and why; UP again as soon as it moves. A stalled consumer means the service's reads
 * (timelines, scores, the survey projection) fall behind what was acknowledged.
 */
@Readiness
@ApplicationScoped
public class EventConsumersReadiness implements HealthCheck {

    private final EventConsumers consumers;

    public EventConsumersReadiness(EventConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Event consumers").up();
        for (ConsumerStatus status : consumers.statuses()) {
            response.withData(status.consumer(), status.reason());
            if (status.stalled()) {
                response.down();
            }
        }
        return response.build();
    }
}
