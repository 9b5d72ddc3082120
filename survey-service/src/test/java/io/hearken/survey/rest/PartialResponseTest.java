package io.hearken.survey.rest;

import io.hearken.survey.TestSurveys;
import io.hearken.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saved progress: kept without its required answers, resumed by its key, completed under the same id (its own
 * event), and never changed once complete.
 */
@QuarkusTest
class PartialResponseTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String surveyId;

    @BeforeEach
    void createSurvey() {
        surveyId = TestSurveys.createNpsSurvey(TestSurveys.TENANT);
    }

    private ValidatableResponse save(String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/v1/public/surveys/{id}/responses", surveyId).then();
    }

    @Test
    void progressIsSavedResumedAndCompletedUnderOneId() throws Exception {
        String key = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, "hearken.responses")) {
            String id = save(key, Map.of("channel", "web", "complete", false, "answers", Map.of("reason", "slow")))
                    .statusCode(202).extract().path("id");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Idempotency-Key", key)
                    .when().get("/v1/public/surveys/{id}/responses/progress", surveyId)
                    .then().statusCode(200)
                    .body("responseId", equalTo(id))
                    .body("answers[0].text", equalTo("slow")));
            save(key, Map.of("channel", "web", "complete", false, "answers", Map.of("reason", "slow delivery")))
                    .statusCode(202).body("id", equalTo(id));
            save(key, Map.of("channel", "web", "answers", Map.of("nps", 4, "reason", "slow delivery")))
                    .statusCode(202).body("id", equalTo(id));
            List<ConsumerRecord<String, String>> events = probe.await(record -> id.equals(record.key()), 3,
                    Duration.ofSeconds(20));
            assertEquals(3, events.size());
            assertTrue(events.get(0).value().contains("\"completed\":false"));
            assertTrue(events.get(2).value().contains("\"completed\":true"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/responses", surveyId)
                .then().body("items", hasSize(1))
                .body("items[0].completed", equalTo(true))
                .body("items[0].answers.find { it.questionId == 'nps' }.score", equalTo(4)));
        given().header("Idempotency-Key", key).when().get("/v1/public/surveys/{id}/responses/progress", surveyId)
                .then().statusCode(409);
        save(key, Map.of("channel", "web", "complete", false, "answers", Map.of("reason", "changed my mind")))
                .statusCode(409);
        save(key, Map.of("channel", "web", "answers", Map.of("nps", 4, "reason", "slow delivery")))
                .statusCode(202).header("Idempotent-Replayed", "true");
    }

    @Test
    void progressNeedsAKeyAndStillChecksWhatIsAnswered() {
        given().contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "complete", false, "answers", Map.of("reason", "x")))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        save(UUID.randomUUID().toString(), Map.of("channel", "web", "complete", false, "answers", Map.of("nps", 12)))
                .statusCode(400).body("errors[0].field", equalTo("answers.nps"));
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .when().get("/v1/public/surveys/{id}/responses/progress", surveyId)
                .then().statusCode(404);
    }
}
