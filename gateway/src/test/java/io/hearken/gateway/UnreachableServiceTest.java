package io.hearken.gateway;

import io.hearken.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** When a service cannot be reached the client learns it at once, with a problem and when to retry. */
@QuarkusTest
@TestProfile(UnreachableServiceTest.InsightServiceDown.class)
class UnreachableServiceTest {

    /** insight-service points at a port where nothing listens. */
    public static class InsightServiceDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hearken.gateway.insight-service-url", "http://127.0.0.1:1");
        }
    }

    @ConfigProperty(name = "KEYCLOAK_URL")
    String keycloakUrl;

    @Test
    void unreachableServiceIs503WithRetryAfter() {
        given().auth().oauth2(KeycloakTokens.forUser(keycloakUrl, "arthur"))
                .when().get("/api/v1/surveys/s1/nps")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", equalTo("https://hearken.io/problems/unavailable"));
    }

    @Test
    void otherServicesStillAnswer() {
        given().auth().oauth2(KeycloakTokens.forUser(keycloakUrl, "arthur"))
                .when().get("/api/v1/surveys/s1")
                .then().statusCode(200)
                .body("service", equalTo("survey"));
    }
}
