package io.hearken.gateway;

import io.hearken.testing.KeycloakTokens;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway against misbehaving services: a deadline for the whole answer (not only an idle timeout), a cap on the
 * answer it buffers, one retry of a read whose connection dropped, and the security headers on every answer.
 */
@QuarkusTest
class EdgeBehaviourTest {

    private final String keycloakUrl = TestInfrastructure.keycloakUrl();

    private String analyst() {
        return KeycloakTokens.forUser(keycloakUrl, "arthur");
    }

    @Test
    void aServiceThatKeepsDrippingIsCutOffAtTheRoutesDeadline() {
        // The recording service sends a byte every 200 ms for 4 s: an idle timeout would never fire.
        given().auth().oauth2(analyst())
                .when().get("/api/v1/insights/slow-drip")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/upstream-timeout"))
                .time(lessThan(3_500L));
    }

    @Test
    void anAnswerLargerThanTheCapIsRefusedNotPassedOn() {
        given().auth().oauth2(analyst())
                .when().get("/api/v1/insights/huge")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/upstream-answer-too-large"));
    }

    @Test
    void aReadWhoseConnectionDroppedIsTriedOnceMore() {
        String path = "/api/v1/insights/flaky-once/" + UUID.randomUUID();
        int before = RecordingUpstreamResource.RECEIVED.size();

        given().auth().oauth2(analyst())
                .when().get(path)
                .then().statusCode(200).body("service", equalTo("insight"));
        assertEquals(before + 2, RecordingUpstreamResource.RECEIVED.size(), "dropped once, answered the second time");
    }

    @Test
    void aWriteWhoseConnectionDroppedIsNotSentTwice() {
        String path = "/api/v1/surveys/flaky-once/" + UUID.randomUUID();
        int before = RecordingUpstreamResource.RECEIVED.size();

        given().auth().oauth2(KeycloakTokens.forUser(keycloakUrl, "alice")).contentType("application/json")
                .body("{}")
                .when().post(path)
                .then().statusCode(502)
                .body("type", equalTo("https://hearken.io/problems/upstream-failed"));
        assertEquals(before + 1, RecordingUpstreamResource.RECEIVED.size(), "sent once: its outcome is unknown");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        given().auth().oauth2(analyst())
                .when().get("/api/v1/surveys/s1")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Cache-Control", "no-store");
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .header("X-Content-Type-Options", "nosniff")
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
