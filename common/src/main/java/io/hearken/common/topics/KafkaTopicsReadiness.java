package io.hearken.common.topics;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while a topic this service declares is missing, unchecked or not as declared, naming the topic and why. */
@Readiness
@ApplicationScoped
public class KafkaTopicsReadiness implements HealthCheck {

    private final KafkaTopics topics;

    public KafkaTopicsReadiness(KafkaTopics topics) {
        this.topics = topics;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka topics").up();
        topics.problems().forEach((topic, problem) -> response.down().withData(topic, problem));
        return response.build();
    }
}
