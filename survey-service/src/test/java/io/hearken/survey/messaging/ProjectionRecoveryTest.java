package io.hearken.survey.messaging;

import io.hearken.survey.TestSurveys;
import io.hearken.testing.InProcessMongoResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

/**
 * The store behind survey-service crashes and comes back empty: every response acknowledged before must be
 * back, once each, rebuilt from the topic by the projector, and submissions go on meanwhile.
 */
@QuarkusTest
@TestProfile(ProjectionRecoveryTest.SlowCommits.class)
class ProjectionRecoveryTest {

    /** Offsets trail writes by 30 s here, so the crash comes well within the window the projector replays. */
    public static class SlowCommits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hearken.survey.projection.durability-delay", "30s");
        }
    }

    private static void submit(String surveyId, int score) {
        given().contentType(ContentType.JSON)
                .body("{\"channel\": \"kiosk\", \"answers\": {\"nps\": " + score + "}}")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202);
    }

    @Test
    void rebuildsEveryAcknowledgedResponseAfterTheStoreLostItsData() {
        String surveyId = TestSurveys.createNpsSurvey("acme");
        for (int i = 0; i < 20; i++) {
            submit(surveyId, i % 11);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().statusCode(200).body("$", hasSize(20)));

        InProcessMongoResource.crashLosingEverything();
        // No write follows the crash: the projector must notice the lost server by itself and replay.
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().statusCode(200).body("$", hasSize(20)));

        // Respondents are heard throughout: the survey is known in memory and the topic acknowledges.
        for (int i = 0; i < 5; i++) {
            submit(surveyId, 10);
        }
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().statusCode(200).body("$", hasSize(25)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().statusCode(200).body("$", hasSize(25)));
    }
}
