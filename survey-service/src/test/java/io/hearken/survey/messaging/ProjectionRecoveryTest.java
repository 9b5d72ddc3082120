package io.hearken.survey.messaging;

import io.hearken.survey.TestSurveys;
import io.hearken.testing.InProcessMongoResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

/**
 * The store behind survey-service crashes and comes back empty: every response acknowledged before must be
 * back, once each, rebuilt from the topic by the projector, and submissions go on meanwhile.
 */
@QuarkusTest
class ProjectionRecoveryTest {

    private static void submit(String surveyId, int score) {
        given().contentType(ContentType.JSON)
                .body("{\"channel\": \"kiosk\", \"answers\": {\"nps\": " + score + "}}")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void rebuildsEveryAcknowledgedResponseAfterTheStoreLostItsData() {
        String surveyId = TestSurveys.createNpsSurvey("acme");
        for (int i = 0; i < 20; i++) {
            submit(surveyId, i % 11);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().statusCode(200).body("items", hasSize(20)));

        InProcessMongoResource.crash();
        // Respondents are heard while the store is away: the survey is known in memory and the topic acknowledges.
        for (int i = 0; i < 5; i++) {
            submit(surveyId, 10);
        }
        sleep(Duration.ofSeconds(3));
        for (int i = 0; i < 5; i++) {
            submit(surveyId, 9);
        }
        InProcessMongoResource.restartEmpty();
        // It comes back empty and no write follows: the projector must notice the lost server by itself and replay.
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().statusCode(200).body("items", hasSize(30)));
        for (int i = 0; i < 5; i++) {
            submit(surveyId, 0);
        }
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().statusCode(200).body("items", hasSize(35)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().statusCode(200).body("items", hasSize(35)));
    }
}
