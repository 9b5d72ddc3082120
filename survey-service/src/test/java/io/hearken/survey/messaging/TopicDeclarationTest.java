package io.hearken.survey.messaging;

import io.hearken.common.topics.KafkaTopics;
import io.hearken.common.topics.TopicSpec;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.hearken.testing.ObservabilityContract.onManagementPort;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** survey-service declares the topics it writes; a topic that exists with other settings makes it not ready. */
@QuarkusTest
class TopicDeclarationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    KafkaTopics topics;

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    @Test
    void theRecordOfTruthIsKeptForEverAndSurveysAreCompacted() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.problems().isEmpty());
        try (Admin admin = admin()) {
            assertEquals(6, admin.describeTopics(List.of("hearken.responses")).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get("hearken.responses").partitions().size());
            assertEquals("-1", config(admin, "hearken.responses").get("retention.ms").value());
            assertEquals("delete", config(admin, "hearken.responses").get("cleanup.policy").value());
            assertEquals("compact", config(admin, "hearken.surveys").get("cleanup.policy").value());
            assertEquals("2592000000", config(admin, "hearken.dead-letters").get("retention.ms").value());
            // Read here for erasures, declared as profile-service declares it, whichever service starts first.
            assertEquals(6, admin.describeTopics(List.of("hearken.profiles")).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get("hearken.profiles").partitions().size());
            assertEquals("-1", config(admin, "hearken.profiles").get("retention.ms").value());
            assertEquals("delete", config(admin, "hearken.profiles").get("cleanup.policy").value());
        }
    }

    @Test
    void aTopicWithOtherSettingsIsReportedByReadinessUntilItIsFixed() throws Exception {
        String name = "hearken.test-declared-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            topics.declare(new TopicSpec(name, 2, Optional.empty(), "delete"));
            try {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        onManagementPort(management).when().get("/q/health/ready")
                                .then().statusCode(503)
                                .body("checks.find { it.name == 'Kafka topics' }.status", equalTo("DOWN"))
                                .body("checks.find { it.name == 'Kafka topics' }.data.'" + name + "'",
                                        containsString("partitions 1, declared 2")));
            } finally {
                // Fixed on the broker (never by the service), which must then notice and report ready again.
                admin.createPartitions(Map.of(name, NewPartitions.increaseTo(2))).all().get(10, TimeUnit.SECONDS);
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, name), List.of(
                        new AlterConfigOp(new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET))))
                        .all().get(10, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    onManagementPort(management).when().get("/q/health/ready").then().statusCode(200));
        }
    }

    @Test
    void aTopicDeclaredWhileTheCheckerWaitsIsCheckedAtOnce() throws Exception {
        String wrong = "hearken.test-wrong-" + UUID.randomUUID();
        String added = "hearken.test-added-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(wrong, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            topics.declare(new TopicSpec(wrong, 2, Optional.empty(), "delete"));
            try {
                // Found wrong: the checker now waits its five-second retry interval.
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        topics.problems().getOrDefault(wrong, "").contains("partitions 1, declared 2"));
                // As the consumer loop declares its dead-letter topics while the configured ones are checked: the
                // new one is checked (and created) at once, not after the interval.
                topics.declare(new TopicSpec(added, 1, Optional.empty(), "delete"));
                await().atMost(Duration.ofSeconds(3)).until(() -> !topics.problems().containsKey(added));
            } finally {
                admin.createPartitions(Map.of(wrong, NewPartitions.increaseTo(2))).all().get(10, TimeUnit.SECONDS);
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, wrong), List.of(
                        new AlterConfigOp(new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET))))
                        .all().get(10, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> topics.problems().isEmpty());
        }
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
    }
}
