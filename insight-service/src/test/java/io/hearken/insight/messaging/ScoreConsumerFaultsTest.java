package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.testing.ConsumerProgress;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.PostgresSession;
import io.hearken.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The score consumer against faults, on the real broker and database: events that can never be counted are
 * dead-lettered (the rest of their batch still counts, once); a table that is away is waited for, nothing lost and
 * nothing dead-lettered.
 */
@QuarkusTest
class ScoreConsumerFaultsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry metrics;

    private static String event(String responseId, String surveyId, int score) {
        return """
                {"responseId": "%s", "surveyId": "%s", "tenant": "acme", "channel": "web", "language": "en",
                 "answers": [{"questionId": "nps", "type": "NPS", "score": %d}],
                 "submittedAt": "2026-11-24T10:00:00Z"}
                """.formatted(responseId, surveyId, score);
    }

    @Inject
    EventConsumers consumers;

    @BeforeEach
    void letTheConsumerCatchUp() {
        ConsumerProgress.awaitCaughtUp(consumers);
    }

    private double count(String metric) {
        return ConsumerProgress.count(metrics, metric, ResponseScoreConsumer.CONSUMER);
    }

    private static void awaitTotal(String surveyId, int total) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme")
                        .when().get("/v1/surveys/{id}/nps", surveyId)
                        .then().statusCode(200).body("total", equalTo(total)));
    }

    @Test
    void deadLettersWhatCanNeverBeCountedAndCountsTheRestOnce() {
        String surveyId = UUID.randomUUID().toString();
        String outOfScale = UUID.randomUUID().toString();
        String nulInId = "nul\\u0000" + UUID.randomUUID();
        String nulKey = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        double before = count("hearken.events.dead.lettered");
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, "hearken.dead-letters");
             EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publisher.publish("hearken.responses", first, "hearken.response.submitted.v1", surveyId, "acme",
                    event(first, surveyId, 10));
            publisher.publish("hearken.responses", outOfScale, "hearken.response.submitted.v1", surveyId, "acme",
                    event(outOfScale, surveyId, 11));
            // An event id PostgreSQL cannot hold (U+0000): its batch fails for good, then each event is tried alone.
            publisher.publish("hearken.responses", nulKey, "hearken.response.submitted.v1", surveyId, "acme",
                    event(nulInId, surveyId, 0));
            publisher.publish("hearken.responses", second, "hearken.response.submitted.v1", surveyId, "acme",
                    event(second, surveyId, 6));

            awaitTotal(surveyId, 2);
            List<ConsumerRecord<String, String>> letters = probe.await(record ->
                    ResponseScoreConsumer.CONSUMER.equals(TopicProbe.header(record, "hearken-dl-consumer"))
                            && Set.of(outOfScale, nulKey).contains(TopicProbe.header(record, "ce_id")),
                    2, Duration.ofSeconds(30));
            assertEquals(2, letters.size());
            for (ConsumerRecord<String, String> letter : letters) {
                String error = TopicProbe.header(letter, "hearken-dl-error");
                if (nulKey.equals(TopicProbe.header(letter, "ce_id"))) {
                    assertTrue(error.contains("22021") || error.contains("0x00"), error);
                } else {
                    assertTrue(error.contains("outside its scale 0-10"), error);
                }
            }
        }
        given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/nps", surveyId)
                .then().body("promoters", equalTo(1)).body("detractors", equalTo(1));
        assertEquals(before + 2, count("hearken.events.dead.lettered"), 0.001);
    }

    @Test
    void waitsForATableThatIsAwayAndDeadLettersNothing() {
        String surveyId = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        double retriedBefore = count("hearken.events.retried");
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, "hearken.dead-letters");
             PostgresSession database = PostgresSession.open();
             EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            database.execute("ALTER TABLE answer_rollup RENAME TO answer_rollup_away");
            try {
                publisher.publish("hearken.responses", id, "hearken.response.submitted.v1", surveyId, "acme",
                        event(id, surveyId, 9));
                await().atMost(Duration.ofSeconds(30)).until(() -> count("hearken.events.retried") >= retriedBefore + 2);
            } finally {
                database.execute("ALTER TABLE answer_rollup_away RENAME TO answer_rollup");
            }
            awaitTotal(surveyId, 1);
            assertEquals(List.of(), probe.collect(record -> id.equals(TopicProbe.header(record, "ce_id")),
                    Duration.ofSeconds(2)));
        }
    }
}
