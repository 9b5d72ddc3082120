package io.hearken.e2e;

import io.hearken.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A limit holds across gateway replicas: requests of one client alternate between two gateway processes that share
 * the run's Redis, and together they admit exactly the client's quota; past it both answer 429 with Retry-After.
 * Each gateway decides from its own memory and learns the other's requests within about two sync intervals (100 ms;
 * gateway/README.md, "Rate limits"), so the requests are spaced by more than that: closer together, the two could
 * admit a few more between them, which is the documented bound rather than a fault.
 */
class RateLimitIT {

    /** More than two sync intervals and Redis' round trips, with room for a loaded machine. */
    private static final long APART_MILLIS = 500;

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    @Test
    void twoGatewaysTogetherAdmitTheClientsQuotaOnce() throws InterruptedException {
        String[] gateways = {platform.gatewayUrl, platform.apiUrl("gateway-2")};
        int admitted = 0;
        int refused = 0;
        String token = KeycloakTokens.forClient(platform.keycloakUrl, Platform.RATE_LIMITED_CLIENT,
                "test-secret-small-quota");
        for (int i = 0; i < Platform.RATE_LIMITED_CLIENT_QUOTA + 4; i++) {
            Response answer = given().baseUri(gateways[i % 2]).auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"source\": \"review\"}")
                    .when().post("/api/v1/feedback");
            if (answer.statusCode() == 429) {
                refused++;
                assertNotNull(answer.header("Retry-After"));
                assertTrue(answer.header("RateLimit").startsWith("\"client\";r=0;"), answer.header("RateLimit"));
            } else {
                admitted++;
                assertNotNull(answer.header("RateLimit-Policy"), "every answer says where the limits stand");
            }
            Thread.sleep(APART_MILLIS);
        }

        assertEquals(Platform.RATE_LIMITED_CLIENT_QUOTA, admitted, "admitted by both gateways together");
        assertEquals(4, refused);
    }
}
