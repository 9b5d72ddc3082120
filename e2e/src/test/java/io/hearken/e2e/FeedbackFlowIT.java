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
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
             "defaultLanguage": "en",
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
                .body("title.ja", equalTo("ご意見をお聞かせください"))
                .extract().path("id");

        Random random = new Random(42);
        String loyalCustomer = "loyal." + UUID.randomUUID() + "@example.com";
        List<Integer> scores = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int score = random.nextInt(11);
            String email = i % 3 == 0 ? loyalCustomer : "c" + i + "." + UUID.randomUUID() + "@example.com";
            String key = UUID.randomUUID().toString();
            String body = """
                    {"channel": "%s", "language": "ja", "respondent": {"email": "%s"},
                     "answers": {"nps": %d, "reason": "理由 %d"}}""".formatted(CHANNELS[i % CHANNELS.length], email,
                    score, i);
            given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(body)
                    .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(202);
            if (i == 5) {
                // A client retry after a lost answer: same key, must be counted once.
                given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(body)
                        .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                        .then().statusCode(202);
            }
            scores.add(score);
        }
        long promoters = scores.stream().filter(score -> score >= 9).count();
        long detractors = scores.stream().filter(score -> score <= 6).count();
        long passives = scores.size() - promoters - detractors;
        float expectedNps = java.math.BigDecimal.valueOf((promoters - detractors) * 100)
                .divide(java.math.BigDecimal.valueOf(scores.size()), 1, java.math.RoundingMode.HALF_UP).floatValue();

        String analyst = token("arthur");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(analyst)
                        .when().get("/api/v1/surveys/{id}/nps", surveyId)
                        .then().statusCode(200)
                        .body("total", equalTo(scores.size()))
                        .body("promoters", equalTo((int) promoters))
                        .body("passives", equalTo((int) passives))
                        .body("detractors", equalTo((int) detractors))
                        .body("nps", equalTo(expectedNps)));

        String agent = token("agatha");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(agent).queryParam("email", loyalCustomer)
                        .when().get("/api/v1/profiles")
                        .then().statusCode(200)
                        .body("timeline", hasSize(10))
                        .body("timeline.surveyId", containsInAnyOrder(java.util.Collections.nCopies(10, surveyId)
                                .toArray())));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                        .when().get("/api/v1/surveys/{id}/responses", surveyId)
                        .then().statusCode(200)
                        .body("$", hasSize(scores.size())));
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
                    .then().statusCode(200).body("$", hasSize(0));
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
