package io.hearken.insight.rest;

import io.hearken.testing.EventPublisher;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class NpsFromEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String event(String responseId, String surveyId, String tenant, int score) {
        return """
                {"responseId": "%s", "surveyId": "%s", "tenant": "%s", "channel": "web", "language": "en",
                 "respondent": {"email": "c@example.com"},
                 "answers": [{"questionId": "nps", "type": "NPS", "score": %d},
                             {"questionId": "reason", "type": "TEXT", "text": "fine"}],
                 "submittedAt": "2026-11-24T10:00:00Z"}
                """.formatted(responseId, surveyId, tenant, score);
    }

    @Test
    void countsEachResponseEventOnceAndComputesNps() {
        String surveyId = UUID.randomUUID().toString();
        int[] scores = {10, 9, 9, 8, 7, 6, 3, 0, 10, 5};
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            String[] ids = new String[scores.length];
            for (int i = 0; i < scores.length; i++) {
                ids[i] = UUID.randomUUID().toString();
                publisher.publish("hearken.responses", ids[i], "hearken.response.submitted.v1", surveyId, "acme",
                        event(ids[i], surveyId, "acme", scores[i]));
            }
            // Redeliveries, as after a crash or a retried submission: they must count nothing.
            publisher.publish("hearken.responses", ids[0], "hearken.response.submitted.v1", surveyId, "acme",
                    event(ids[0], surveyId, "acme", scores[0]));
            publisher.publish("hearken.responses", ids[7], "hearken.response.submitted.v1", surveyId, "acme",
                    event(ids[7], surveyId, "acme", scores[7]));
        }

        // promoters 4 (10, 9, 9, 10), passives 2 (8, 7), detractors 4 (6, 3, 0, 5): NPS 0.0
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme")
                        .when().get("/v1/surveys/{id}/nps", surveyId)
                        .then().statusCode(200)
                        .body("total", equalTo(10))
                        .body("promoters", equalTo(4))
                        .body("passives", equalTo(2))
                        .body("detractors", equalTo(4))
                        .body("nps", equalTo(0.0f)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme")
                        .when().get("/v1/surveys/{id}/nps", surveyId)
                        .then().body("total", equalTo(10)));
    }

    @Test
    void scoresAreSeparatedByTenant() {
        String surveyId = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            String id = UUID.randomUUID().toString();
            publisher.publish("hearken.responses", id, "hearken.response.submitted.v1", surveyId, "acme",
                    event(id, surveyId, "acme", 10));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme")
                        .when().get("/v1/surveys/{id}/nps", surveyId)
                        .then().body("total", equalTo(1)).body("nps", equalTo(100.0f)));
        given().header("X-Hearken-Tenant", "globex")
                .when().get("/v1/surveys/{id}/nps", surveyId)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void skipsInvalidEventsWithoutHoldingUpValidOnes() {
        String surveyId = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            String invalid = UUID.randomUUID().toString();
            publisher.publish("hearken.responses", invalid, "hearken.response.submitted.v1", surveyId, "acme",
                    event(invalid, surveyId, "acme", 42));
            publisher.publish("hearken.responses", UUID.randomUUID().toString(), "hearken.response.submitted.v1",
                    surveyId, "acme", "{not json");
            String valid = UUID.randomUUID().toString();
            publisher.publish("hearken.responses", valid, "hearken.response.submitted.v1", surveyId, "acme",
                    event(valid, surveyId, "acme", 2));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme")
                        .when().get("/v1/surveys/{id}/nps", surveyId)
                        .then().body("total", equalTo(1)).body("detractors", equalTo(1)));
    }

    @Test
    void missingTenantIsProblem() {
        given().when().get("/v1/surveys/{id}/nps", "x")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
