package io.hearken.e2e;

import io.hearken.testing.KeycloakTokens;
import io.hearken.testing.MailInbox;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The customer view through the real gateway: an invited customer who answered as a detractor has their profile,
 * their score, the open case it raised and the response itself in one call; with insight-service killed the view
 * still answers, without the cases and saying so, and is whole again once it is back; another tenant and an
 * unknown profile get 404.
 */
class CustomerViewIT {

    private static final String SURVEY = """
            {"name": "E2E customer view", "publish": true, "title": {"en": "How did we do?"},
             "questions": [
               {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend us?"}},
               {"id": "reason", "type": "TEXT", "text": {"en": "Why?"}}]}
            """;

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    @Test
    void answersWithWhatItHasWhileInsightServiceIsDown() throws Exception {
        String admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
        String agent = KeycloakTokens.forUser(platform.keycloakUrl, "agatha");
        String surveyId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY).when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");
        // A rule of this survey only, so no other test's detractors open cases through it
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"name": "E2E 360 detractors", "type": "DETRACTOR", "priority": "HIGH", "surveyId": "%s"}"""
                        .formatted(surveyId))
                .when().post("/api/v1/alert-rules").then().statusCode(201);
        String customerId = "E2E-360-" + UUID.randomUUID().toString().substring(0, 8);
        String email = customerId.toLowerCase() + "@example.com";
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "recipients", List.of(Map.of("customerId", customerId,
                        "email", email))))
                .when().post("/api/v1/surveys/{id}/invitations/batch", surveyId)
                .then().statusCode(202);
        String token = MailInbox.invitationTo(platform.mailApiUrl, email, Duration.ofSeconds(60));
        String responseId = given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "invitation", token,
                        "answers", Map.of("nps", 2, "reason", "nobody called back")))
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(admin).queryParam("customerId", customerId)
                        .when().get("/api/v1/profiles").then().statusCode(200)
                        .body("computed.lastNps", equalTo(2)));
        String profileId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                .queryParam("customerId", customerId).when().get("/api/v1/profiles").then().extract().path("id");
        String view = "/api/v1/customers/" + profileId + "/360";

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(agent).when().get(view)
                        .then().statusCode(200)
                        .body("profileId", equalTo(profileId))
                        .body("profile.trust", equalTo("verified"))
                        .body("scores.responseId", contains(responseId))
                        .body("scores.score", contains(2))
                        .body("openCases.alert.responseId", contains(responseId))
                        .body("openCases.status", contains("OPEN"))
                        .body("recentFeedback.responseId", contains(responseId))
                        .body("recentFeedback[0].answers.find { it.questionId == 'reason' }.text",
                                equalTo("nobody called back"))
                        .body("missing", empty()));

        platform.kill("insight");
        try {
            given().baseUri(platform.gatewayUrl).auth().oauth2(agent).when().get(view)
                    .then().statusCode(200)
                    .body("profile.id", equalTo(profileId))
                    .body("scores.responseId", contains(responseId))
                    .body("recentFeedback.responseId", contains(responseId))
                    .body("openCases", nullValue())
                    .body("missing.part", contains("cases"))
                    .body("missing[0].reason", equalTo("insight-service unavailable"));
        } finally {
            platform.start("insight");
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(agent).when().get(view)
                        .then().statusCode(200)
                        .body("openCases.alert.responseId", contains(responseId))
                        .body("missing", empty()));

        String otherTenant = KeycloakTokens.forUser(platform.keycloakUrl, "gina");
        given().baseUri(platform.gatewayUrl).auth().oauth2(otherTenant).when().get(view)
                .then().statusCode(404).contentType("application/problem+json");
        given().baseUri(platform.gatewayUrl).auth().oauth2(agent)
                .when().get("/api/v1/customers/{id}/360", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
