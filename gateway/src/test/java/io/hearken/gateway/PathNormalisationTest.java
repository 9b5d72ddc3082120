package io.hearken.gateway;

import io.hearken.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway routes and forwards only a normalised path: a client cannot climb out of {@code /api} or out of the
 * route it was authorised for, and cannot smuggle a separator past the route table.
 */
@QuarkusTest
class PathNormalisationTest {

    private static final String INVALID_PATH = "https://hearken.io/problems/invalid-path";

    @ConfigProperty(name = "KEYCLOAK_URL")
    String keycloakUrl;

    private String analyst() {
        return KeycloakTokens.forUser(keycloakUrl, "arthur");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/v1/surveys/../../q/metrics",
            "/api/v1/surveys/%2e%2e/%2e%2e/q/metrics",
            "/api/v1/surveys/%2E%2E/%2E%2E/q/health/ready",
            "/api/v1/surveys/s1/../../profiles",
            "/api/v1/surveys/..%2f..%2fq%2fmetrics",
            "/api/v1/surveys/s1%2F..%2F..%2Fq",
            "/api/../q/metrics",
            "/api/v1/surveys/s1%00",
            "/api/v1/surveys/s1%e0%80",
            "/api/v1/surveys/%5c..%5cq",
            "/api/v1/surveys/..;/..;/q/metrics"
    })
    void refusesAPathThatLeavesItsRouteOrCannotBeReadSafely(String rawPath) throws IOException {
        int before = RecordingUpstreamResource.RECEIVED.size();
        RawHttp.Answer answer = RawHttp.get(rawPath, analyst());
        assertEquals(400, answer.status(), answer.body());
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals(INVALID_PATH, problem.getString("type"));
        assertEquals(400, problem.getInt("status"));
        assertEquals(before, RecordingUpstreamResource.RECEIVED.size(), "nothing may reach a service");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/surveys/s1%zz", "/api/v1/surveys/..\\..\\q\\metrics"})
    void aUriThatIsNotValidSyntaxIsRefusedBeforeAnyRoute(String rawPath) throws IOException {
        // Quarkus answers these with a bare 400 before any route (ours included) runs.
        int before = RecordingUpstreamResource.RECEIVED.size();
        assertEquals(400, RawHttp.get(rawPath, analyst()).status());
        assertEquals(before, RecordingUpstreamResource.RECEIVED.size(), "nothing may reach a service");
    }

    @Test
    void dotDotIsRefusedEvenOnAPublicRoute() throws IOException {
        RawHttp.Answer answer = RawHttp.get("/api/v1/public/surveys/s1/../../../surveys/s1", null);
        assertEquals(400, answer.status(), answer.body());
    }

    @Test
    void dotSegmentsThatStayInsideTheRouteAreResolvedBeforeForwarding() throws IOException {
        RawHttp.Answer answer = RawHttp.get("/api/v1/surveys/./s0/../s1/./responses", analyst());
        assertEquals(200, answer.status(), answer.body());
        assertEquals("/v1/surveys/s1/responses", JsonPath.from(answer.body()).getString("rawPath"));
    }

    @Test
    void repeatedSlashesAreCollapsedBeforeMatchingAndForwarding() {
        given().urlEncodingEnabled(false).auth().oauth2(analyst())
                .when().get("/api//v1///surveys//s1")
                .then().statusCode(200)
                .body("service", equalTo("survey"))
                .body("rawPath", equalTo("/v1/surveys/s1"));
    }

    @Test
    void encodedDotDotCannotReachAnotherServiceThroughARoute() {
        // Before normalisation this matched survey-read and reached /v1/profiles on survey-service.
        given().urlEncodingEnabled(false).auth().oauth2(analyst())
                .when().get("/api/v1/surveys/%2e%2e/profiles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(INVALID_PATH))
                .body("instance", equalTo("/api/v1/surveys/%2e%2e/profiles"));
    }

    @Test
    void legitimateEncodedCharactersPassAndAreForwardedEncoded() {
        given().urlEncodingEnabled(false).auth().oauth2(analyst())
                .when().get("/api/v1/profiles/ana%20lee%40example.com?q=a%20b&lang=ja")
                .then().statusCode(200)
                .body("service", equalTo("profile"))
                .body("path", equalTo("/v1/profiles/ana lee@example.com"))
                .body("rawPath", equalTo("/v1/profiles/ana%20lee@example.com"))
                .body("rawQuery", equalTo("q=a%20b&lang=ja"))
                .body("query", equalTo("q=a b&lang=ja"));
    }

    @Test
    void unnecessarilyEncodedCharactersAreForwardedInOneCanonicalForm() {
        given().urlEncodingEnabled(false).auth().oauth2(analyst())
                .when().get("/api/v1/surveys/%73%31")
                .then().statusCode(200)
                .body("rawPath", equalTo("/v1/surveys/s1"));
    }
}
