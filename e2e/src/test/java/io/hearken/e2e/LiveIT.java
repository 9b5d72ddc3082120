package io.hearken.e2e;

import io.hearken.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live updates through the real gateway, Keycloak and insight-service: an analyst's stream shows a response to one
 * of the tenant's surveys within seconds of its submission, and shows another tenant's analyst nothing of it; a
 * partner may not follow the stream.
 */
class LiveIT {

    private static final String SURVEY = """
            {"name": "Live", "publish": true, "title": {"en": "Live"},
             "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend us?"}}]}""";

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    @Test
    void aSubmittedResponseReachesItsTenantsLiveStreamAndNoOtherTenants() throws Exception {
        String admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
        String analyst = KeycloakTokens.forUser(platform.keycloakUrl, "arthur");
        String otherTenant = KeycloakTokens.forUser(platform.keycloakUrl, "gina");
        String surveyId = platform.createSurvey(admin, SURVEY);

        BlockingQueue<String> acme = new LinkedBlockingQueue<>();
        BlockingQueue<String> globex = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> acmeStream = follow(analyst, acme);
        CompletableFuture<HttpResponse<Stream<String>>> globexStream = follow(otherTenant, globex);
        try {
            // insight-service reads the topics from their end once it has them: submit until one shows.
            String seen = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            List<String> submitted = new ArrayList<>();
            while (seen == null && System.nanoTime() < until) {
                submitted.add(given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                        .body("{\"channel\": \"web\", \"answers\": {\"nps\": 9}}")
                        .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                        .then().statusCode(202).extract().path("id"));
                seen = next(acme, "response.completed", 10);
            }
            assertTrue(seen != null, "no live update for any of " + submitted);
            assertTrue(seen.contains("\"surveyId\":\"" + surveyId + "\""), seen);
            assertTrue(submitted.stream().anyMatch(seen::contains), "names one of the responses: " + seen);
            assertFalse(seen.contains("\"score\""), "ids, never answers: " + seen);

            // Now that the stream is live: one more response, followed from its acknowledgement to the screen.
            acme.clear();
            long submittedAt = System.nanoTime();
            String probe = given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                    .body("{\"channel\": \"web\", \"answers\": {\"nps\": 3}}")
                    .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(202).extract().path("id");
            String update = null;
            while (update == null || !update.contains(probe)) {
                update = next(acme, "response.completed", 10);
                assertTrue(update != null, "no live update for " + probe + " within 10 s");
            }
            System.out.println("Live update " + (System.nanoTime() - submittedAt) / 1_000_000
                    + " ms after the submission was sent");
            assertEquals(200, acmeStream.get(5, TimeUnit.SECONDS).statusCode());
            assertEquals(200, globexStream.get(5, TimeUnit.SECONDS).statusCode());

            // The other tenant's stream is live too: its own survey's response reaches it, and only it.
            String globexSurvey = platform.createSurvey(otherTenant, SURVEY);
            String globexResponse = given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                    .body("{\"channel\": \"web\", \"answers\": {\"nps\": 10}}")
                    .when().post("/api/v1/public/surveys/{id}/responses", globexSurvey)
                    .then().statusCode(202).extract().path("id");
            String globexUpdate = null;
            while (globexUpdate == null || !globexUpdate.contains(globexResponse)) {
                globexUpdate = next(globex, "response.completed", 10);
                assertTrue(globexUpdate != null, "no live update for globex's " + globexResponse + " within 10 s");
            }
            assertFalse(String.join("\n", globex).contains(surveyId), "another tenant sees nothing of acme's");
            assertFalse(String.join("\n", acme).contains(globexSurvey), "nor acme anything of globex's");
        } finally {
            acmeStream.cancel(true);
            globexStream.cancel(true);
        }

        String partner = KeycloakTokens.forClient(platform.keycloakUrl, "hearken-partner-acme", "partner-secret-acme");
        given().baseUri(platform.gatewayUrl).auth().oauth2(partner).when().get("/api/v1/live")
                .then().statusCode(403);
        given().baseUri(platform.gatewayUrl).when().get("/api/v1/live").then().statusCode(401);
    }

    /** Opens the live stream with {@code token}; its data lines go to {@code lines}. */
    private static CompletableFuture<HttpResponse<Stream<String>>> follow(String token,
                                                                          BlockingQueue<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl + "/api/v1/live"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        // Its lines are read on another thread; the test checks the stream's status itself (a failed assertion
        // here would go unseen).
        stream.thenAcceptAsync(answer -> answer.body().filter(line -> line.startsWith("data:")).forEach(lines::add));
        return stream;
    }

    /** The next data line of {@code type} within {@code seconds}, or null. */
    private static String next(BlockingQueue<String> lines, String type, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            String line = lines.poll(250, TimeUnit.MILLISECONDS);
            if (line != null && line.contains("\"type\":\"" + type + "\"")) {
                return line;
            }
        }
        return null;
    }
}
