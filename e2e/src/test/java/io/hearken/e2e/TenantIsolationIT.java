package io.hearken.e2e;

import io.hearken.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another tenant's resource is 404 on every resource type, through the real gateway and services with real tokens:
 * acme's admin makes a survey, an alert rule, a response (which opens a case), a feedback item, a profile and a
 * segment; globex's admin, who may call every one of those routes for globex, finds none of them (404, never 403: their
 * existence is not disclosed) and changes none of them, while acme's admin reads each.
 */
class TenantIsolationIT {

    private static final String SURVEY = """
            {"name": "E2E isolation", "title": {"en": "Visit"}, "languages": ["en"], "publish": true,
             "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend us?"}}]}
            """;

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(platform.gatewayUrl).auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void anotherTenantsResourcesAreNotFoundOnEveryType() {
        String acme = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
        String globex = KeycloakTokens.forUser(platform.keycloakUrl, "gina");

        String surveyId = as(acme).body(SURVEY).when().post("/api/v1/surveys")
                .then().statusCode(201).extract().path("id");
        String ruleLocation = as(acme).body("""
                {"name": "Isolation detractors", "type": "DETRACTOR", "priority": "HIGH", "surveyId": "%s"}"""
                .formatted(surveyId)).when().post("/api/v1/alert-rules").then().statusCode(201)
                .extract().header("Location");
        String ruleId = ruleLocation.substring(ruleLocation.lastIndexOf('/') + 1);
        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "answers", Map.of("nps", 1)))
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId).then().statusCode(202);
        String feedbackId = as(acme).body(Map.of("source", "app-store", "externalId", UUID.randomUUID().toString(),
                        "rating", 2, "ratingMax", 5, "text", "Slow", "postedAt", "2026-11-20T08:00:00Z"))
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        String profileId = as(acme).body(Map.of("identities",
                        Map.of("customerId", "ISO-" + UUID.randomUUID().toString().substring(0, 8))))
                .when().post("/api/v1/profiles").then().statusCode(200).extract().path("id");
        String segmentId = as(acme).body("""
                        {"name": "isolation", "rule": {"all": [{"trait": "plan", "op": "eq", "value": "gold"}]}}""")
                .when().post("/api/v1/profiles/segments").then().statusCode(201).extract().path("id");
        String caseId = await().atMost(Duration.ofSeconds(60)).until(() -> as(acme).queryParam("limit", 200)
                .when().get("/api/v1/alerts").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.surveyId == '" + surveyId + "' }.caseId"), id -> id != null);

        List<String> reads = List.of("/api/v1/surveys/" + surveyId, "/api/v1/surveys/" + surveyId + "/responses",
                "/api/v1/surveys/" + surveyId + "/scores", "/api/v1/surveys/" + surveyId + "/topics",
                "/api/v1/alert-rules/" + ruleId, "/api/v1/cases/" + caseId, "/api/v1/feedback/" + feedbackId,
                "/api/v1/profiles/" + profileId, "/api/v1/profiles/segments/" + segmentId);
        for (String path : reads) {
            assertEquals(200, as(acme).when().get(path).statusCode(), "acme reads its own " + path);
            assertEquals(404, as(globex).when().get(path).statusCode(), "globex must not find " + path);
        }
        assertEquals(404, as(globex).body("{\"text\": \"not yours\"}").when()
                .post("/api/v1/cases/{id}/notes", caseId).statusCode());
        assertEquals(404, as(globex).when().delete("/api/v1/alert-rules/{id}", ruleId).statusCode());
        assertEquals(404, as(globex).body(Map.of("set", Map.of("plan", "gold"))).when()
                .patch("/api/v1/profiles/{id}/traits", profileId).statusCode());
        assertNotNull(as(acme).when().get("/api/v1/alert-rules/{id}", ruleId).then().statusCode(200)
                .extract().path("name"), "globex's refused delete left acme's rule alone");
        assertTrue(as(acme).when().get("/api/v1/cases/{id}", caseId).then().statusCode(200).extract().jsonPath()
                .getList("notes").isEmpty(), "globex's refused note left acme's case alone");
    }
}
