package io.hearken.e2e;

import io.hearken.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Insights end to end through the gateway with real tokens: an admin makes a survey and a detractor rule,
 * respondents answer on the public route, and an analyst reads scores, topics and the journey while an agent works
 * the cases the detractors opened.
 */
class InsightsIT {

    private static final String SURVEY = """
            {"name": "E2E insights", "title": {"en": "How was your delivery?"}, "defaultLanguage": "en",
             "languages": ["en", "ja"], "publish": true,
             "questions": [
               {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Would you recommend us?"}},
               {"id": "reason", "type": "TEXT", "required": false, "text": {"en": "Why?"}}]}
            """;

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    private static String token(String user) {
        return KeycloakTokens.forUser(platform.keycloakUrl, user);
    }

    private static JsonPath read(String token, String path, Map<String, ?> query) {
        return given().baseUri(platform.gatewayUrl).auth().oauth2(token).queryParams(query)
                .when().get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void answersBecomeScoresTopicsJourneyAlertsAndCases() {
        String admin = token("alice");
        String surveyId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY).when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"name": "E2E detractors", "type": "DETRACTOR", "priority": "HIGH", "surveyId": "%s"}"""
                        .formatted(surveyId))
                .when().post("/api/v1/alert-rules").then().statusCode(201);

        // Stages are a fixed list; the touchpoint is free text, one of its own so no other test's answers count.
        String touchpoint = "courier-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 20; i++) {
            boolean detractor = i % 2 == 0;
            String body = """
                    {"channel": "web", "language": "en", "journeyStage": "renewal", "touchpoint": "%s",
                     "answers": {"nps": %d, "reason": "%s"}}""".formatted(touchpoint, detractor ? 2 : 10,
                    detractor ? "The delivery was very late and nobody called." : "Great staff, very helpful.");
            given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                    .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                    .then().log().ifValidationFails().statusCode(202);
        }

        String analyst = token("arthur");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, String> range = Map.of("from", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(),
                "to", today);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals(20, read(analyst, "/api/v1/surveys/" + surveyId + "/scores", range)
                        .getInt("questions.find { it.questionId == 'nps' }.count")));
        JsonPath scores = read(analyst, "/api/v1/surveys/" + surveyId + "/scores", range);
        // 10 promoters and 10 detractors: NPS 0, the coding's variance 1, margin 1.96 x 100 x sqrt(1 / 20).
        assertEquals(0.0, scores.getDouble("questions.find { it.questionId == 'nps' }.scores[0].value"), 1e-9);
        assertEquals(100 * 1.959964 * Math.sqrt(1.0 / 20),
                scores.getDouble("questions.find { it.questionId == 'nps' }.scores[0].marginOfError"), 1e-3);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(20, read(analyst, "/api/v1/surveys/" + surveyId + "/topics", range).getInt("texts")));
        JsonPath journey = read(analyst, "/api/v1/insights/journey", range);
        String place = "stages.find { it.journeyStage == 'renewal' }.touchpoints.find { it.touchpoint == '"
                + touchpoint + "' }";
        assertEquals(20, journey.getInt(place + ".responses"));
        assertEquals(0.0, journey.getDouble(place + ".scores.find { it.type == 'NPS' }.scores[0].value"), 1e-9);
        assertEquals(20, journey.getInt(place + ".texts.texts"));
        given().baseUri(platform.gatewayUrl).auth().oauth2(analyst)
                .when().get("/api/v1/surveys/{id}/scores?chanel=web", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("chanel"));
        given().baseUri(platform.gatewayUrl).auth().oauth2(token("nora"))
                .when().get("/api/v1/surveys/{id}/scores", surveyId)
                .then().statusCode(403);

        // The ten detractors opened ten cases; an agent resolves one.
        String agent = token("agatha");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(10,
                read(agent, "/api/v1/alerts", Map.of("limit", 200)).getList("items.findAll { it.surveyId == '"
                        + surveyId + "' }").size()));
        String caseId = read(agent, "/api/v1/alerts", Map.of("limit", 200))
                .getString("items.find { it.surveyId == '" + surveyId + "' }.caseId");
        given().baseUri(platform.gatewayUrl).auth().oauth2(agent).contentType(ContentType.JSON)
                .body("{\"outcome\": \"RECOVERED\", \"rootCause\": \"courier delay\"}")
                .when().post("/api/v1/cases/{id}/resolve", caseId)
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        given().baseUri(platform.gatewayUrl).auth().oauth2(agent).contentType(ContentType.JSON)
                .body("{\"assignee\": \"agatha\"}")
                .when().post("/api/v1/cases/{id}/assign", caseId)
                .then().statusCode(409).body("errors[0].field", equalTo("status"));
    }
}
