package io.hearken.gateway;

import io.hearken.testing.KeycloakTokens;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Rate limits through the gateway, counted in the run's real Redis: a public caller per address (a respondent or a
 * partner's system posting to an inbound source), a signed-in client per its quota; past it 429 problem+json with
 * Retry-After, and RateLimit / RateLimit-Policy on every answer.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    /** Five public requests per address a minute; three for one test client (a partner with a small contract). */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hearken.gateway.limits.per-address", "5",
                    "hearken.gateway.limits.client-limits.\"hearken-test-small-quota\"", "3");
        }
    }

    private final String keycloakUrl = TestInfrastructure.keycloakUrl();

    @Test
    void aPublicAddressGetsItsQuotaThen429WithRetryAfter() {
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        String survey = "/api/v1/public/surveys/limits-" + UUID.randomUUID() + "/responses";
        for (int i = 1; i <= 5; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body("{}")
                    .when().post(survey)
                    .then().statusCode(200)
                    .header("RateLimit-Policy", "\"address\";q=5;w=60, \"survey\";q=60000;w=60")
                    .header("RateLimit", matchesPattern("\"address\";r=" + (5 - i) + ";t=[1-6]?[0-9]"));
        }
        given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body("{}")
                .when().post(survey)
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .header("RateLimit", matchesPattern("\"address\";r=0;t=[1-9][0-9]?"))
                .body("type", equalTo("https://hearken.io/problems/rate-limited"))
                .body("detail", containsString("address limit of 5 requests per 60 s"));
        given().header("X-Forwarded-For", "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255))
                .contentType(ContentType.JSON).body("{}")
                .when().post(survey)
                .then().statusCode(200);
    }

    /** A partner's system posting to an inbound source is a public caller: its address has the same quota. */
    @Test
    void anInboundSourceCountsAgainstTheSendersAddressAndTheSource() {
        // Another block than the other test's: one address drawn by both would be used up by the first to run
        String address = "192.0.2." + ThreadLocalRandom.current().nextInt(1, 255);
        String source = "/api/v1/public/inbound/limits-" + UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body("{}")
                    .when().post(source)
                    .then().statusCode(200)
                    .header("RateLimit-Policy", "\"address\";q=5;w=60, \"source\";q=60000;w=60");
        }
        given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body("{}")
                .when().post(source)
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .body("detail", containsString("address limit of 5 requests per 60 s"));
    }

    @Test
    void aSignedInClientGetsItsOwnQuota() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(partnerToken()).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/feedback")
                    .then().statusCode(200)
                    .header("RateLimit-Policy", containsString("\"client\";q=3;w=60"));
        }
        given().auth().oauth2(partnerToken()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/feedback")
                .then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .body("detail", containsString("client limit of 3"));
    }

    /** A partner client of tenant acme that no other test uses, so its counter is this test's alone. */
    private String partnerToken() {
        return KeycloakTokens.forClient(keycloakUrl, "hearken-test-small-quota", "test-secret-small-quota");
    }
}
