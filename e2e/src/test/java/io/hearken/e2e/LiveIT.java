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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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

        // Every line each stream received, kept: the tenant checks below read all of them
        List<String> acme = new CopyOnWriteArrayList<>();
        List<String> globex = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> acmeStream = follow(analyst, acme);
        CompletableFuture<HttpResponse<Stream<String>>> globexStream = follow(otherTenant, globex);
        try {
            // insight-service reads the topics from their end once it has them: submit until one shows.
            String seen = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            List<String> submitted = new ArrayList<>();
            while (seen == null && System.nanoTime() < until) {
                submitted.add(submit(surveyId, 9));
                seen = update(acme, "\"surveyId\":\"" + surveyId + "\"", 10);
            }
            assertTrue(seen != null, "no live update for any of " + submitted);
            assertTrue(submitted.stream().anyMatch(seen::contains), "names one of the responses: " + seen);
            assertFalse(seen.contains("\"score\""), "ids, never answers: " + seen);

            // Now that the stream is live: one more response, followed from its acknowledgement to the screen.
            long submittedAt = System.nanoTime();
            String probe = submit(surveyId, 3);
            assertTrue(update(acme, probe, 10) != null, "no live update for " + probe + " within 10 s");
            System.out.println("Live update " + (System.nanoTime() - submittedAt) / 1_000_000
                    + " ms after the submission was sent");
            assertEquals(200, acmeStream.get(5, TimeUnit.SECONDS).statusCode());
            assertEquals(200, globexStream.get(5, TimeUnit.SECONDS).statusCode());

            // The other tenant's stream is live too: its own survey's response reaches it, and only it.
            String globexSurvey = platform.createSurvey(otherTenant, SURVEY);
            String globexResponse = submit(globexSurvey, 10);
            assertTrue(update(globex, globexResponse, 10) != null, "no live update for globex's " + globexResponse);
            assertFalse(String.join("\n", globex).contains(surveyId), "another tenant sees nothing of acme's");
            String acmeAfter = submit(surveyId, 8); // by the time acme sees this, it would have seen globex's
            assertTrue(update(acme, acmeAfter, 10) != null, "no live update for " + acmeAfter);
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

    private static String submit(String surveyId, int nps) {
        return given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body("{\"channel\": \"web\", \"answers\": {\"nps\": " + nps + "}}")
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).extract().path("id");
    }

    /** Opens the live stream with {@code token}; its data lines are added to {@code lines}. */
    private static CompletableFuture<HttpResponse<Stream<String>>> follow(String token, List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl + "/api/v1/live"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        // Its lines are read on another thread; the test checks the stream's status itself (a failed assertion
        // here would go unseen).
        stream.thenAcceptAsync(answer -> answer.body().filter(line -> line.startsWith("data:")).forEach(lines::add));
        return stream;
    }

    /** The first response.completed line received containing {@code text}, waiting up to {@code seconds}; or null. */
    private static String update(List<String> lines, String text, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            for (String line : lines) {
                if (line.contains("\"type\":\"response.completed\"") && line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        return null;
    }
}
