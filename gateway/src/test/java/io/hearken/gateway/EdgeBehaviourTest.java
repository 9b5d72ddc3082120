package io.hearken.gateway;

import io.hearken.testing.KeycloakTokens;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway against misbehaving services: a deadline for the whole answer (not only an idle timeout), a cap on the
 * answer it buffers, one retry of a read whose connection dropped, the security headers on every answer, and a live
 * stream passed on as it comes.
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
    void aLiveStreamIsPassedOnAsItComesAndOutlivesTheRoutesDeadline() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/v1/live")).header("Authorization", "Bearer " + analyst()).build();
        long start = System.nanoTime();
        HttpResponse<Stream<String>> answer = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, answer.statusCode());
        assertEquals("text/event-stream", answer.headers().firstValue("Content-Type").orElse(null));
        Iterator<String> lines = answer.body().iterator();
        assertEquals("data: {\"n\": 1}", lines.next());
        long firstEventMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(firstEventMillis < 1_500, "the first event arrives long before the stream ends: "
                + firstEventMillis + " ms");
        List<String> events = new ArrayList<>(List.of("data: {\"n\": 1}"));
        lines.forEachRemaining(line -> {
            if (!line.isEmpty()) {
                events.add(line);
            }
        });
        assertEquals(20, events.size(), "every event of 4 s, past the route's deadline of 1.5 s: " + events);
        assertEquals("data: {\"n\": 20}", events.get(19));
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
