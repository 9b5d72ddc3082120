package io.hearken.survey.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the MongoDB projector: if its thread has died, MongoDB stops following the topics and only a
 * restart brings it back, so the orchestrator should restart the service.
 */
@Liveness
@ApplicationScoped
public class ProjectorLiveness implements HealthCheck {

    private final Projector projector;

    public ProjectorLiveness(Projector projector) {
        this.projector = projector;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("MongoDB projector")
                .status(projector.isAlive())
                .withData("state", projector.state().name())
                .build();
    }
}
