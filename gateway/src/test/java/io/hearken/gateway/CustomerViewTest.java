package io.hearken.gateway;

import io.hearken.testing.KeycloakTokens;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer view ({@code GET /api/v1/customers/{id}/360}) assembled by the gateway from the recording stand-in of
 * the three services (its {@code c360-*} profiles): every part when all answer, the others and a named missing part
 * when one fails or is late, 404 for a profile the tenant does not have, each part signed for its own service with
 * the caller's tenant, and only the roles that may read profiles.
 */
@QuarkusTest
class CustomerViewTest {

    private final String keycloakUrl = TestInfrastructure.keycloakUrl();

    private String token(String user) {
        return KeycloakTokens.forUser(keycloakUrl, user);
    }

    @Test
    void answersWithEveryPartWhenEveryServiceAnswers() {
        given().auth().oauth2(token("agatha"))
                .when().get("/api/v1/customers/c360-all/360")
                .then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("profileId", equalTo("c360-all"))
                .body("profile.trust", equalTo("verified"))
                .body("scores.responseId", contains("all-r2", "all-r1"))
                .body("scores.score", contains(3, 9))
                .body("openCases.id", contains("case-open"))
                .body("recentFeedback.responseId", contains("all-r2", "all-r1"))
                .body("missing", empty());
    }

    @Test
    void eachPartGoesToItsServiceSignedWithTheCallersTenant() {
        given().auth().oauth2(token("agatha")).when().get("/api/v1/customers/c360-signed/360")
                .then().statusCode(200).body("missing", empty());
        List<JsonPath> calls = RecordingUpstreamResource.RECEIVED.stream()
                .filter(echo -> echo.contains("signed-r") || echo.contains("c360-signed"))
                .map(JsonPath::from).toList();
        assertEquals(List.of("profile", "profile", "insight", "survey"),
                calls.stream().map(call -> call.getString("service")).sorted(this::byOrderOfServices).toList());
        for (JsonPath call : calls) {
            assertEquals("acme", call.getString("tenant"), call.prettify());
            assertTrue(call.getString("caller").startsWith("agent:"), call.prettify());
            assertEquals(false, call.getBoolean("authorization"), "the token stays at the gateway");
        }
    }

    private int byOrderOfServices(String one, String other) {
        List<String> order = List.of("profile", "insight", "survey");
        return Integer.compare(order.indexOf(one), order.indexOf(other));
    }

    @Test
    void answersWithoutThePartWhoseServiceFailedAndSaysWhy() {
        given().auth().oauth2(token("arthur"))
                .when().get("/api/v1/customers/c360-cases-down/360")
                .then().statusCode(200)
                .body("profileId", equalTo("c360-cases-down"))
                .body("scores.responseId", contains("cases-down-r2", "cases-down-r1"))
                .body("recentFeedback.responseId", contains("cases-down-r2", "cases-down-r1"))
                .body("openCases", nullValue())
                .body("missing.part", contains("cases"))
                .body("missing[0].reason", startsWith("insight-service"));
    }

    @Test
    void aLatePartIsLeftOutAtItsOwnDeadline() {
        // The stand-in answers these cases after 3 s; the cases' deadline is 1 s in tests, the others' 3 s.
        given().auth().oauth2(token("arthur"))
                .when().get("/api/v1/customers/c360-cases-slow/360")
                .then().statusCode(200)
                .time(lessThan(2_500L))
                .body("scores.responseId", contains("cases-slow-r2", "cases-slow-r1"))
                .body("recentFeedback.responseId", contains("cases-slow-r2", "cases-slow-r1"))
                .body("openCases", nullValue())
                .body("missing.part", contains("cases"))
                .body("missing[0].reason", equalTo("insight-service did not answer within 1000 ms"));
    }

    @Test
    void aProfileTheTenantDoesNotHaveIsNotFound() {
        given().auth().oauth2(token("alice"))
                .when().get("/api/v1/customers/c360-unknown/360")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/not-found"))
                .body("instance", equalTo("/api/v1/customers/c360-unknown/360"));
    }

    @Test
    void aMergedProfilesViewRedirectsToTheProfileItBecame() {
        given().auth().oauth2(token("alice")).redirects().follow(false)
                .when().get("/api/v1/customers/c360-merged/360")
                .then().statusCode(308)
                .header("Location", "/api/v1/customers/c360-all/360");
    }

    @Test
    void onlyTheRolesThatReadProfilesMayCallIt() {
        for (String user : List.of("alice", "arthur", "agatha")) {
            given().auth().oauth2(token(user)).when().get("/api/v1/customers/c360-all/360")
                    .then().statusCode(200);
        }
        given().auth().oauth2(KeycloakTokens.forClient(keycloakUrl, "hearken-partner-acme", "partner-secret-acme"))
                .when().get("/api/v1/customers/c360-all/360")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/customers/c360-all/360")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(token("agatha")).contentType("application/json").body("{}")
                .when().post("/api/v1/customers/c360-all/360")
                .then().statusCode(405);
    }
}
