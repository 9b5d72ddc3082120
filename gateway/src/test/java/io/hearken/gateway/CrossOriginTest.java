package io.hearken.gateway;

import io.hearken.testing.KeycloakTokens;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Browsers' cross-origin calls: the console's origins are the gateway's to allow; a survey's public endpoints are
 * the survey's, so their preflights go on to survey-service untouched.
 */
@QuarkusTest
class CrossOriginTest {

    private final String keycloakUrl = TestInfrastructure.keycloakUrl();

    @Test
    void theConsolesOriginMayCallTheApiAndNoOtherMay() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/surveys")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key, X-Request-Id");
        given().header("Origin", "https://evil.example.net").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/surveys")
                .then().statusCode(403);
        given().header("Origin", "http://localhost:5173")
                .when().get("/api/v1/surveys")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "https://evil.example.net")
                .when().get("/api/v1/surveys")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aPageOfTheGatewaysOwnMayActForAnyTenantAndAnotherHostMayNot() {
        // A browser names the page's origin on a same-origin POST too: the console the gateway serves sends it
        String alice = KeycloakTokens.forUser(keycloakUrl, "alice");
        given().auth().oauth2(alice).header("Host", "hearken.example.com")
                .header("Origin", "https://hearken.example.com")
                .when().post("/api/v1/surveys/s1/pause")
                .then().statusCode(200);
        given().auth().oauth2(alice).header("Host", "hearken.example.com")
                .header("Origin", "https://hearken.example.com.evil.example")
                .when().post("/api/v1/surveys/s1/pause")
                .then().statusCode(403)
                .body("type", equalTo("https://hearken.io/problems/origin-not-allowed"));
        given().auth().oauth2(alice).header("Host", "hearken.example.com:8443")
                .header("Origin", "https://hearken.example.com")
                .when().post("/api/v1/surveys/s1/pause")
                .then().statusCode(403);
    }

    @Test
    void aTenantsOwnFrontEndMayCallTheApiForThatTenantsUsersOnly() {
        given().header("Origin", "https://cx.globex.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/surveys")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://cx.globex.example");
        given().auth().oauth2(KeycloakTokens.forUser(keycloakUrl, "gina")).header("Origin", "https://cx.globex.example")
                .when().get("/api/v1/surveys/s1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://cx.globex.example")
                .header("Access-Control-Expose-Headers", containsString("RateLimit"));
        given().auth().oauth2(KeycloakTokens.forUser(keycloakUrl, "alice"))
                .header("Origin", "https://cx.globex.example")
                .when().get("/api/v1/surveys/s1")
                .then().statusCode(403)
                .body("type", equalTo("https://hearken.io/problems/origin-not-allowed"));
        given().auth().oauth2(KeycloakTokens.forUser(keycloakUrl, "alice")).header("Origin", "http://localhost:5173")
                .when().get("/api/v1/surveys/s1")
                .then().statusCode(200);
    }

    @Test
    void aSurveysPreflightGoesToSurveyServiceWhichKnowsTheSurveysOrigins() {
        given().header("Origin", "https://shop.example.com").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/public/surveys/s1/responses")
                .then().statusCode(200)
                .body("service", equalTo("survey"))
                .body("method", equalTo("OPTIONS"))
                .body("path", equalTo("/v1/public/surveys/s1/responses"));
        given().header("Origin", "https://shop.example.com")
                .when().get("/api/v1/public/surveys/s1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
