package io.hearken.insight.rest;

import io.hearken.common.security.GatewayCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.hearken.insight.rest.AlertFixtures.createRule;
import static io.hearken.insight.rest.AlertFixtures.newTenant;
import static io.hearken.insight.rest.AlertFixtures.nps;
import static io.hearken.insight.rest.AlertFixtures.publish;
import static io.hearken.insight.rest.AlertFixtures.response;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant's live stream through the real broker: a completed response and the alert it raises reach the tenant's
 * viewer within seconds, saved progress does not, and nothing of another tenant ever does; updates carry ids, not
 * answers.
 */
@QuarkusTest
class LiveUpdatesTest {

    @Test
    void aViewerSeesItsTenantsCompletedResponsesAndAlertsAndNothingElse() throws Exception {
        String tenant = newTenant();
        String other = newTenant();
        createRule(tenant, "{\"name\": \"Detractors\", \"type\": \"DETRACTOR\", \"priority\": \"HIGH\"}");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/v1/live"))
                        .header(GatewayCredentials.HEADER, credentialFor(tenant))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(answer -> answer.body().filter(line -> line.startsWith("data:")).forEach(lines::add));
        try {
            // The reader starts at the end of the topics once it has them: until a first response shows, one more.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                String warmUp = UUID.randomUUID().toString();
                publish(tenant, List.<String[]>of(new String[] {warmUp, response(tenant, warmUp, true, nps(9))}));
                return lines.stream().anyMatch(line -> line.contains(warmUp));
            });
            lines.clear();

            String detractor = UUID.randomUUID().toString();
            String partial = UUID.randomUUID().toString();
            String elsewhere = UUID.randomUUID().toString();
            publish(other, List.<String[]>of(new String[] {elsewhere, response(other, elsewhere, true, nps(1))}));
            publish(tenant, List.<String[]>of(new String[] {partial, response(tenant, partial, false, nps(0))},
                    new String[] {detractor, response(tenant, detractor, true, nps(2))}));

            List<String> seen = new ArrayList<>();
            String completed = next(lines, "response.completed", seen);
            assertTrue(completed.contains("\"id\":\"" + detractor + "\"") && completed.contains("\"surveyId\":\""
                    + AlertFixtures.SURVEY + "\""), completed);
            String alert = next(lines, "alert.raised", seen);
            assertTrue(alert.contains("\"id\":\""), alert);
            Thread.sleep(1_000);
            lines.drainTo(seen);
            assertFalse(seen.stream().anyMatch(line -> line.contains(partial)), "saved progress changes no figure");
            assertFalse(seen.stream().anyMatch(line -> line.contains(elsewhere)), "another tenant's response");
            assertFalse(String.join("\n", seen).contains("\"score\""), "ids, never answers: " + seen);
        } finally {
            stream.cancel(true);
        }
    }

    /** What the gateway would sign for an analyst of {@code tenant} (REST Assured's filter does it for the rest). */
    private static String credentialFor(String tenant) {
        Config config = ConfigProvider.getConfig();
        return new GatewayCredentials(config.getValue("hearken.credential.key", String.class), Duration.ofSeconds(60),
                Clock.systemUTC()).signForCaller(config.getValue("quarkus.application.name", String.class), tenant,
                "analyst:tests");
    }

    /** The next data line of {@code type} within 20 s; every line taken meanwhile is added to {@code seen}. */
    private static String next(BlockingQueue<String> lines, String type, List<String> seen)
            throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains("\"type\":\"" + type + "\"")) {
                    return line;
                }
            }
        }
        throw new AssertionError("no " + type + " within 20 s");
    }
}
