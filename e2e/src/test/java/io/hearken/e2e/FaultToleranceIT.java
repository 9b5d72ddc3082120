package io.hearken.e2e;

import io.hearken.chaos.FaultRun;
import io.hearken.chaos.GatewayClient;
import io.hearken.chaos.PhaseResult;
import io.hearken.testing.KeycloakTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short variant of {@code ./hearken chaos}, in every build: events no consumer can apply are written onto the
 * topic under a small load (each must be dead-lettered, nothing else), then survey-service, the Kafka broker and
 * Redis (the gateway's rate-limit counters) and webhook-service are each killed once (kill -9); nothing acknowledged may be lost or
 * counted twice, the services that need the broker must report not ready while it is away, and without Redis the
 * gateway keeps taking submissions (each replica counting limits alone). Then webhook-service is killed in the middle
 * of delivering to a partner's endpoint: every acknowledged response must still reach it, under one message id
 * (also checked across the broker's kill).
 */
class FaultToleranceIT {

    @Test
    void nothingAcknowledgedIsLostOrCountedTwiceWhenPoisonArrivesOrSurveyServiceTheBrokerRedisOrWebhooksDie()
            throws Exception {
        Platform platform = Platform.get();
        GatewayClient client = new GatewayClient(platform.gatewayUrl, platform.keycloakUrl, Duration.ofSeconds(20));
        FaultRun.Settings settings = new FaultRun.Settings(15, Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(90), 2, 10);

        Map<String, List<String>> dependents = Map.of("kafka", List.of(platform.readinessUrl("survey"),
                platform.readinessUrl("profile"), platform.readinessUrl("insight"), platform.readinessUrl("webhook")));

        List<PhaseResult> results = new FaultRun(client, new PlatformControl(platform), settings, "alice",
                KeycloakTokens.DEMO_PASSWORD, dependents, platform.kafkaBootstrapServers, platform.mailApiUrl)
                .run(List.of(FaultRun.POISON, "survey", "kafka", "redis", "webhook"));

        String table = FaultRun.table(results);
        System.out.println(table);
        for (PhaseResult result : results) {
            assertTrue(result.acknowledged() > 0, "no submission was acknowledged while " + result.killed()
                    + " was killed:\n" + table);
            assertTrue(result.holds(), "the promise broke when " + result.killed() + " was killed:\n" + table);
        }
    }
}
