package io.hearken.e2e;

import io.hearken.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One feedback, end to end, through the gateway with real tokens: an admin creates a survey, respondents answer
 * on several channels (one retry with the same idempotency key), insight-service's NPS and profile-service's
 * timeline follow from the events.
 */
class FeedbackFlowIT {

    private static final String[] CHANNELS = {"web", "in-app", "email", "sms", "kiosk", "chat", "call-centre"};
    private static final String SURVEY = """
            {"name": "E2E NPS",
             "title": {"en": "Tell us how we did", "ja": "ご意見をお聞かせください", "zh": "请告诉我们您的体验"},
             "defaultLanguage": "en", "languages": ["en", "ja", "zh"], "publish": true,
             "questions": [
               {"id": "nps", "type": "NPS", "required": true,
                "text": {"en": "How likely are you to recommend us?", "ja": "当社を薦める可能性は?",
                         "zh": "您推荐我们的可能性有多大?"}},
               {"id": "reason", "type": "TEXT", "required": false,
                "text": {"en": "Why?", "ja": "理由は?", "zh": "为什么?"}}]}
            """;

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    private String token(String user) {
        return KeycloakTokens.forUser(platform.keycloakUrl, user);
    }

    @Test
    void responsesThroughTheGatewayBecomeNpsAndTimelines() {
        String admin = token("alice");
        String surveyId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY)
                .when().post("/api/v1/surveys")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.startsWith("/api/v1/surveys/"))
                .body("latest.content.title.ja", equalTo("ご意見をお聞かせください"))
                .extract().path("id");

        // Scores fixed by hand: 12 promoters, 8 passives, 10 detractors of 30, so NPS = (12 - 10) / 30 = 6.7.
        int[] scores = {10, 9, 0, 7, 3, 10, 8, 6, 9, 5, 10, 7, 2, 9, 8, 1, 10, 6, 9, 7, 4, 10, 8, 0, 9, 7, 5, 10, 8, 10};
        String loyalCustomer = "loyal." + UUID.randomUUID() + "@example.com";
        List<String> acknowledged = new ArrayList<>();
        List<String> loyalIds = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            String email = i % 3 == 0 ? loyalCustomer : "c" + i + "." + UUID.randomUUID() + "@example.com";
            String key = UUID.randomUUID().toString();
            String body = """
                    {"channel": "%s", "language": "ja", "respondent": {"email": "%s"},
                     "answers": {"nps": %d, "reason": "理由 %d"}}""".formatted(CHANNELS[i % CHANNELS.length], email,
                    scores[i], i);
            var receipt = given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(body)
                    .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(202).header("Idempotent-Replayed", nullValue())
                    .extract();
            String id = receipt.path("id");
            acknowledged.add(id);
            if (i % 3 == 0) {
                loyalIds.add(id);
            }
            if (i == 5) {
                // A client retry after a lost answer: same key, same receipt, marked as a replay, counted once.
                given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(body)
                        .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                        .then().statusCode(202)
                        .header("Idempotent-Replayed", "true")
                        .body("id", equalTo(id))
                        .body("submittedAt", equalTo(receipt.path("submittedAt")));
            }
        }
        assertEquals(scores.length, new HashSet<>(acknowledged).size(), "every receipt names its own id");

        String analyst = token("arthur");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(analyst)
                        .when().get("/api/v1/surveys/{id}/nps", surveyId)
                        .then().statusCode(200)
                        .body("total", equalTo(30))
                        .body("promoters", equalTo(12))
                        .body("passives", equalTo(8))
                        .body("detractors", equalTo(10))
                        .body("nps", equalTo(6.7f)));

        String agent = token("agatha");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(agent).queryParam("email", loyalCustomer)
                        .when().get("/api/v1/profiles")
                        .then().statusCode(200)
                        .body("timeline.responseId", containsInAnyOrder(loyalIds.toArray()))
                        .body("timeline.surveyId", containsInAnyOrder(Collections.nCopies(
                                loyalIds.size(), surveyId).toArray())));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                        .when().get("/api/v1/surveys/{id}/responses", surveyId)
                        .then().statusCode(200)
                        .body("items.responseId", containsInAnyOrder(acknowledged.toArray())));

        // The list's next page is named by its public path: a client follows the Link through the gateway.
        var first = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).queryParam("limit", 20)
                .when().get("/api/v1/surveys/{id}/responses", surveyId)
                .then().statusCode(200).header("X-Total-Count", "30").body("items", hasSize(20)).extract();
        String link = first.header("Link");
        String next = first.path("next");
        assertEquals("</api/v1/surveys/" + surveyId + "/responses?limit=20&after=" + next + ">; rel=\"next\"", link);
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).urlEncodingEnabled(false)
                .when().get(link.substring(1, link.indexOf('>')))
                .then().statusCode(200).body("items", hasSize(10)).body("next", nullValue())
                .header("Link", nullValue());
    }

    @Test
    void adminCallsNeedATokenAndTheRole() {
        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON).body(SURVEY)
                .when().post("/api/v1/surveys")
                .then().statusCode(401).contentType("application/problem+json");
        given().baseUri(platform.gatewayUrl).auth().oauth2(token("agatha")).contentType(ContentType.JSON).body(SURVEY)
                .when().post("/api/v1/surveys")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badSubmissionsAreProblemsAndNothingIsStored() {
        String admin = token("alice");
        String surveyId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY).when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");

        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body("{\"channel\": \"web\", \"answers\": {\"nps\": 11}}")
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("answers.nps"));
        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body("{\"channel\": \"web\", \"answers\": {\"reason\": \"no score\"}}")
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("answers.nps"));
        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON).body("{\"channel\": ")
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(400).body("type", equalTo("https://hearken.io/problems/malformed-json"));
        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body("{\"channel\": \"web\", \"answers\": {\"nps\": 5}}")
                .when().post("/api/v1/public/surveys/{id}/responses", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body("{\"reason\": \"" + "x".repeat(80_000) + "\"}")
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(413).contentType("application/problem+json");

        // Consumers are asynchronous: nothing may show up during a few seconds, not just at once.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                    .when().get("/api/v1/surveys/{id}/nps", surveyId)
                    .then().statusCode(200).body("total", equalTo(0));
            given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                    .when().get("/api/v1/surveys/{id}/responses", surveyId)
                    .then().statusCode(200).body("items", hasSize(0));
        });
    }

    @Test
    void noPathThroughTheGatewayReachesAServicesManagementEndpoints() throws Exception {
        String analyst = token("arthur");
        // java.net.http sends the path as written ('..' included); REST Assured would resolve it first.
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/api/v1/surveys/../../q/metrics", "/api/v1/surveys/%2e%2e/%2e%2e/q/health/ready",
                "/api/v1/surveys/..%2f..%2fq%2fmetrics", "/api/../q/metrics")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl + path))
                    .header("Authorization", "Bearer " + analyst).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, answer.statusCode(), path + ": " + answer.body());
        }
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/openapi")) {
            given().baseUri(platform.gatewayUrl).when().get(path).then().statusCode(404);
        }
        given().when().get(platform.readinessUrl("gateway")).then().statusCode(200).body("status", equalTo("UP"));
    }
}
