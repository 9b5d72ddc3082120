package io.hearken.common.topics;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * DOWN while the broker does not answer within two seconds. (Quarkus's own Kafka check waits for the admin client's
 * default minute, longer than any probe's timeout.)
 */
@Readiness
@ApplicationScoped
public class KafkaConnectionReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final KafkaTopics topics;

    public KafkaConnectionReadiness(KafkaTopics topics) {
        this.topics = topics;
    }

    @Override
    public HealthCheckResponse call() {
        return topics.brokerProblem(TIMEOUT)
                .map(problem -> HealthCheckResponse.named("Kafka connection").down().withData("reason", problem)
                        .build())
                .orElseGet(() -> HealthCheckResponse.up("Kafka connection"));
    }
}
