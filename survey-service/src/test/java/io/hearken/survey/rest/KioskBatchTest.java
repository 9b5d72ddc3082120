package io.hearken.survey.rest;

import io.hearken.survey.TestSurveys;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Offline devices upload what they recorded later: each line is kept or refused on its own with its original time,
 * and an upload sent twice is kept once.
 */
@QuarkusTest
class KioskBatchTest {

    private static final String NDJSON = "application/x-ndjson";

    private String surveyId;

    @BeforeEach
    void createSurvey() {
        surveyId = TestSurveys.createNpsSurvey(TestSurveys.TENANT);
    }

    private String upload(String body) {
        return given().contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/public/surveys/{id}/responses/batch", surveyId)
                .then().statusCode(200).extract().asString();
    }

    @Test
    void eachLineIsKeptOrRefusedOnItsOwnWithItsOriginalTime() {
        String yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String batch = String.join("\n",
                "{\"answeredAt\": \"" + yesterday + "\", \"answers\": {\"nps\": 9}}",
                "{\"answeredAt\": \"" + yesterday + "\", \"answers\": {\"nps\": 11}}",
                "this line is not JSON",
                "",
                "{\"answeredAt\": \"" + yesterday + "\", \"answers\": {\"nps\": 3}, \"colour\": \"red\"}",
                "{\"answeredAt\": \"2099-01-01T00:00:00Z\", \"answers\": {\"nps\": 5}}",
                "{\"key\": \"kiosk-7-000000000042\", \"answeredAt\": \"" + yesterday + "\", \"language\": \"ja\","
                        + " \"answers\": {\"nps\": 10, \"reason\": \"静か\"}}") + "\n";
        given().contentType(NDJSON).body(batch.getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/public/surveys/{id}/responses/batch", surveyId)
                .then().statusCode(200)
                .body("kept", equalTo(2))
                .body("refused", equalTo(4))
                .body("items.number", equalTo(List.of(1, 2, 3, 5, 6, 7)))
                .body("items.status", equalTo(List.of("kept", "refused", "refused", "refused", "refused", "kept")))
                .body("items[1].errors[0].field", equalTo("answers.nps"))
                .body("items[2].detail", containsString("Not valid JSON"))
                .body("items[3].errors[0].field", equalTo("colour"))
                .body("items[4].errors[0].field", equalTo("answeredAt"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/responses", surveyId)
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.channel", hasItem("kiosk"))
                .body("items.submittedAt", hasItem(yesterday)));
    }

    @Test
    void anUploadSentAgainIsKeptOnce() {
        String batch = "{\"answers\": {\"nps\": 8}, \"answeredAt\": \"" + Instant.now().minusSeconds(3600) + "\"}\n"
                + "{\"answers\": {\"nps\": 6}, \"answeredAt\": \"" + Instant.now().minusSeconds(1800) + "\"}\n";
        upload(batch);
        given().contentType(NDJSON).body(batch.getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/public/surveys/{id}/responses/batch", surveyId)
                .then().statusCode(200)
                .body("kept", equalTo(0))
                .body("duplicates", equalTo(2));
        await().atMost(Duration.ofSeconds(20)).during(Duration.ofSeconds(1)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().body("items", hasSize(2)));
    }

    @Test
    void anEmptyOrOversizedUploadIsRefusedWhole() {
        given().contentType(NDJSON).body("\n\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/public/surveys/{id}/responses/batch", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        String tooMany = "{\"answers\": {\"nps\": 1}}\n".repeat(1001);
        given().contentType(NDJSON).body(tooMany.getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/public/surveys/{id}/responses/batch", surveyId)
                .then().statusCode(400).body("errors[0].message", containsString("1000"));
    }

    @Test
    void chatAndVoiceCarryTheirContext() {
        given().contentType("application/json")
                .body("""
                        {"channel": "voice", "answers": {"nps": 4, "reason": "on hold for ages"},
                         "context": {"callId": "call-991", "queue": "billing", "ivrNode": "post-call-survey"}}""")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202);
        given().contentType("application/json")
                .body("""
                        {"channel": "chat", "answers": {"nps": 9}, "context": {"bad key!": "x"}}""")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("context"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/responses", surveyId)
                .then().body("items.find { it.channel == 'voice' }.context.queue", equalTo("billing")));
    }
}
