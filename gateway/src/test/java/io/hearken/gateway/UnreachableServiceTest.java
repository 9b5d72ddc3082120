package io.hearken.gateway;

import io.hearken.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * When a service cannot be reached the client learns it at once, with a problem and when to retry; after a few such
 * failures the service's circuit opens and the gateway stops trying it for a while.
 */
@QuarkusTest
@TestProfile(UnreachableServiceTest.InsightServiceDown.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(1)
    void unreachableServiceIs503WithRetryAfter() {
        given().auth().oauth2(KeycloakTokens.forUser(keycloakUrl, "arthur"))
                .when().get("/api/v1/surveys/s1/nps")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", equalTo("https://hearken.io/problems/unavailable"));
    }

    @Test
    @Order(2)
    void afterRepeatedFailuresTheCircuitOpensAndTheGatewayAnswersWithoutTrying() {
        String token = KeycloakTokens.forUser(keycloakUrl, "arthur");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/surveys/s1/nps").then().statusCode(503);
        }
        given().auth().oauth2(token)
                .when().get("/api/v1/surveys/s1/nps")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("sends it nothing for now"));
    }

    @Test
    @Order(3)
    void otherServicesStillAnswer() {
        given().auth().oauth2(KeycloakTokens.forUser(keycloakUrl, "arthur"))
                .when().get("/api/v1/surveys/s1")
                .then().statusCode(200)
                .body("service", equalTo("survey"));
    }
}
