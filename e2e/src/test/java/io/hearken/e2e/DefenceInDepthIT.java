package io.hearken.e2e;

import io.hearken.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A caller who reaches a service without the gateway (a compromised pod, a misrouted request) gets nothing by
 * writing the tenant header: every running service answers 401, while the same resources answer through the
 * gateway. Services still call each other (the export and the contact check in the other suites sign their calls).
 */
class DefenceInDepthIT {

    private static final String SURVEY = """
            {"name": "E2E defence in depth", "title": {"en": "Visit"}, "languages": ["en"], "publish": true,
             "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend us?"}}]}
            """;

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    @Test
    void aForgedTenantHeaderOpensNothingOnAnyService() {
        String admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
        String surveyId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY).when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                .when().get("/api/v1/surveys/{id}", surveyId).then().statusCode(200);
        given().baseUri(platform.gatewayUrl)
                .when().get("/api/v1/public/surveys/{id}", surveyId).then().statusCode(200);

        String[][] direct = {{"survey", "/v1/surveys/" + surveyId}, {"survey", "/v1/public/surveys/" + surveyId},
                {"survey", "/v1/admin/dead-letters"}, {"profile", "/v1/profiles/segments"},
                {"profile", "/v1/profiles?email=someone@example.com"}, {"insight", "/v1/alert-rules"},
                {"insight", "/v1/surveys/" + surveyId + "/scores"}, {"webhook", "/v1/webhooks/subscriptions"},
                {"webhook", "/v1/public/inbound/src-1"}};
        for (String[] call : direct) {
            given().baseUri(platform.apiUrl(call[0]))
                    .header("X-Hearken-Tenant", "acme").header("X-Hearken-Caller", "admin:mallory")
                    .urlEncodingEnabled(false)
                    .when().get(call[1])
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://hearken.io/problems/unauthorized"));
        }
    }
}
