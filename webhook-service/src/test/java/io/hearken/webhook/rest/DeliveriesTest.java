package io.hearken.webhook.rest;

import io.hearken.webhook.domain.WebhookSecret;
import io.hearken.webhook.domain.WebhookSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.hearken.webhook.rest.Webhooks.ADMIN;
import static io.hearken.webhook.rest.Webhooks.as;
import static io.hearken.webhook.rest.Webhooks.newTenant;
import static io.hearken.webhook.rest.Webhooks.publishProgressThenCompletion;
import static io.hearken.webhook.rest.Webhooks.publishResponses;
import static io.hearken.webhook.rest.Webhooks.subscribe;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries from real events through the real broker, consumer, schedule and HTTP, to a local endpoint that
 * misbehaves on demand. The test profile's schedule is 200 ms, 400 ms, 800 ms (four attempts), attempts time out
 * after 2 s, and an endpoint is disabled after three failures spanning 4 s: a schedule that takes 1.4 s is spent
 * well before, even on a machine so loaded that each attempt comes late.
 */
@QuarkusTest
class DeliveriesTest {

    private static LocalReceiver receiver;

    @Inject
    Pool pool;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new LocalReceiver();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    @Test
    void deliversEachEventOnceAsASignedThinMessageEvenWhenTheEventComesTwice() {
        String tenant = newTenant();
        String path = "/ok-" + tenant;
        JsonPath subscription = subscribe(tenant, receiver.endpoint(path, n -> LocalReceiver.Reply.status(204)),
                "response.submitted", "response.completed");
        String response = UUID.randomUUID().toString();
        publishResponses(tenant, response);
        publishResponses(tenant, response);

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).size() >= 2);
        sleep(1000);
        List<LocalReceiver.Received> received = receiver.at(path);
        assertEquals(2, received.size(), "response.submitted and response.completed, once each");
        assertEquals(2, received.stream().map(request -> request.header("webhook-id")).distinct().count());
        WebhookSecret secret = new WebhookSecret(subscription.getString("secret"));
        for (LocalReceiver.Received request : received) {
            assertEquals(WebhookSignature.Verdict.VALID, verify(secret, request));
            JsonPath payload = JsonPath.from(request.body());
            assertTrue(Set.of("response.submitted", "response.completed").contains(payload.getString("type")));
            assertEquals(response, payload.getString("data.responseId"));
            assertEquals(9, payload.getInt("data.scores[0].score"));
            assertFalse(request.body().contains("ann@example.com"), "no contact details");
            assertFalse(request.body().contains("private words"), "no respondent's words");
            assertTrue(request.header("webhook-id").startsWith("msg_"));
        }
        String id = subscription.getString("id");
        // A delivery is recorded as succeeded after the receiver's answer, which may come a moment after its request
        // on a loaded machine (a CI run once read "pending" a second after the second request).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(tenant, ADMIN).when()
                .get("/v1/webhooks/subscriptions/" + id + "/messages")
                .then().statusCode(200).body("items", hasSize(2)).body("items.state", equalTo(List.of("succeeded",
                        "succeeded"))));
    }

    @Test
    void savedProgressAndCompletionAreTwoSubmittedMessagesAndOneCompleted() {
        String tenant = newTenant();
        String path = "/progress-" + tenant;
        subscribe(tenant, receiver.endpoint(path, n -> LocalReceiver.Reply.status(204)), "response.submitted",
                "response.completed");
        publishProgressThenCompletion(tenant, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).size() >= 3);
        sleep(1000);
        List<String> types = receiver.at(path).stream().map(request -> JsonPath.from(request.body())
                .getString("type") + (JsonPath.from(request.body()).getBoolean("data.completed") ? "/complete"
                : "/partial")).sorted().toList();
        assertEquals(List.of("response.completed/complete", "response.submitted/complete",
                "response.submitted/partial"), types, "progress saved twice is one partial message");
    }

    @Test
    void retriesAFailingEndpointUnderTheSameMessageIdUntilItAnswers2xx() {
        String tenant = newTenant();
        String path = "/flaky-" + tenant;
        String id = subscribe(tenant, receiver.endpoint(path, n -> LocalReceiver.Reply.status(n < 3 ? 500 : 200)),
                "response.completed").getString("id");
        publishResponses(tenant, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).size() >= 3);
        assertEquals(1, receiver.at(path).stream().map(request -> request.header("webhook-id")).distinct().count());
        String message = receiver.at(path).get(0).header("webhook-id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(tenant, ADMIN)
                .when().get("/v1/webhooks/subscriptions/" + id + "/messages/" + message)
                .then().statusCode(200).body("delivery.state", equalTo("succeeded"))
                .body("delivery.attempts", equalTo(3))
                .body("attempts.status", equalTo(List.of(200, 500, 500)))
                .body("attempts[2].responseExcerpt", equalTo("answered 500"))
                .body("payload.type", equalTo("response.completed")));
    }

    @Test
    void aRedirectIsAFailureAndIsNeverFollowedAndTheDeliveryDiesWhenTheScheduleIsSpent() {
        String tenant = newTenant();
        String path = "/redirect-" + tenant;
        String target = "/target-" + tenant;
        receiver.endpoint(target, n -> LocalReceiver.Reply.status(204));
        String id = subscribe(tenant, receiver.endpoint(path, n -> LocalReceiver.Reply.status(302,
                Map.of("Location", receiver.url(target)))), "response.completed").getString("id");
        publishResponses(tenant, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(tenant, ADMIN)
                .queryParam("state", "dead").when().get("/v1/webhooks/subscriptions/" + id + "/messages")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].attempts", equalTo(4))
                .body("items[0].lastStatus", equalTo(302)));
        assertEquals(4, receiver.at(path).size());
        assertTrue(receiver.at(target).isEmpty(), "the redirect was not followed");
    }

    @Test
    void retryAfterOn429IsHonoured() {
        String tenant = newTenant();
        String path = "/throttled-" + tenant;
        subscribe(tenant, receiver.endpoint(path, n -> n == 1
                ? LocalReceiver.Reply.status(429, Map.of("Retry-After", "2")) : LocalReceiver.Reply.status(204)),
                "response.completed");
        publishResponses(tenant, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).size() >= 2);
        Duration gap = Duration.between(receiver.at(path).get(0).at(), receiver.at(path).get(1).at());
        assertTrue(gap.toMillis() >= 1900, "waited " + gap + " although the schedule says 200 ms");
    }

    @Test
    void anEndpointAnswering410IsDisabledAtOnceAndTheTenantIsTold() {
        String tenant = newTenant();
        String gone = "/gone-" + tenant;
        String watcher = "/watcher-" + tenant;
        String goneId = subscribe(tenant, receiver.endpoint(gone, n -> LocalReceiver.Reply.status(410)),
                "response.completed").getString("id");
        subscribe(tenant, receiver.endpoint(watcher, n -> LocalReceiver.Reply.status(204)),
                "webhook.endpoint.disabled");
        publishResponses(tenant, UUID.randomUUID().toString(), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.at(watcher).isEmpty());
        JsonPath told = JsonPath.from(receiver.at(watcher).get(0).body());
        assertEquals("webhook.endpoint.disabled", told.getString("type"));
        assertEquals(goneId, told.getString("data.subscriptionId"));
        assertEquals("gone", told.getString("data.reason"));
        as(tenant, ADMIN).when().get("/v1/webhooks/subscriptions/" + goneId)
                .then().statusCode(200).body("status", equalTo("disabled")).body("disabledReason", equalTo("gone"));
        // Both messages may have been in flight when the first 410 came back; after that, nothing more goes out
        int sent = receiver.at(gone).size();
        sleep(1000);
        assertEquals(sent, receiver.at(gone).size(), "nothing more was sent to a disabled endpoint");
        assertTrue(sent <= 2);
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledAndItsDeadLettersRedeliveredOnceItIsBack() {
        String tenant = newTenant();
        String path = "/down-" + tenant;
        AtomicBoolean up = new AtomicBoolean();
        String id = subscribe(tenant, receiver.endpoint(path, n -> LocalReceiver.Reply.status(up.get() ? 204 : 503)),
                "response.completed").getString("id");
        Instant start = Instant.now();
        publishResponses(tenant, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(tenant, ADMIN).queryParam("state", "dead")
                .when().get("/v1/webhooks/subscriptions/" + id + "/messages")
                .then().statusCode(200).body("items", hasSize(1)));
        // Four failures in about 1.4 s: often enough, not yet long enough to disable
        sleep(Math.max(0, 4200 - Duration.between(start, Instant.now()).toMillis()));
        publishResponses(tenant, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(tenant, ADMIN)
                .when().get("/v1/webhooks/subscriptions/" + id)
                .then().statusCode(200).body("status", equalTo("disabled")).body("disabledReason", equalTo("failing")));

        up.set(true);
        as(tenant, ADMIN).body(Map.of("enabled", true)).when().patch("/v1/webhooks/subscriptions/" + id)
                .then().statusCode(200).body("status", equalTo("active"));
        as(tenant, ADMIN).body(Map.of("since", start.minusSeconds(60).toString()))
                .when().post("/v1/webhooks/subscriptions/" + id + "/redeliver")
                .then().statusCode(202).body("scheduled", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(tenant, ADMIN).queryParam("state", "succeeded")
                .when().get("/v1/webhooks/subscriptions/" + id + "/messages")
                .then().statusCode(200).body("items", hasSize(2)));
        Set<String> ids = receiver.at(path).stream().map(request -> request.header("webhook-id"))
                .collect(Collectors.toSet());
        assertEquals(2, ids.size(), "two events, two message ids, however many attempts: " + ids);
    }

    @Test
    void oneMessageIsRedeliveredByHandUnderItsOwnId() {
        String tenant = newTenant();
        String path = "/again-" + tenant;
        String id = subscribe(tenant, receiver.endpoint(path, n -> LocalReceiver.Reply.status(204)),
                "response.completed").getString("id");
        publishResponses(tenant, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).size() == 1);
        String message = receiver.at(path).get(0).header("webhook-id");

        as(tenant, ADMIN).when().post("/v1/webhooks/subscriptions/" + id + "/messages/" + message + "/redeliver")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).size() == 2);
        assertEquals(message, receiver.at(path).get(1).header("webhook-id"));
        as(tenant, ADMIN).when().post("/v1/webhooks/subscriptions/" + id + "/messages/msg_unknown/redeliver")
                .then().statusCode(404);
    }

    @Test
    void aSlowEndpointDelaysNoOtherEndpointsDeliveries() {
        String tenant = newTenant();
        String slow = "/slow-" + tenant;
        String fast = "/fast-" + tenant;
        String slowId = subscribe(tenant, receiver.endpoint(slow, n -> LocalReceiver.Reply.never()),
                "response.completed").getString("id");
        subscribe(tenant, receiver.endpoint(fast, n -> LocalReceiver.Reply.status(204)), "response.completed");
        publishResponses(tenant, IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID().toString())
                .toArray(String[]::new));

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(fast).size() == 20);
        Instant firstSlow = receiver.at(slow).get(0).at();
        Instant lastFast = receiver.at(fast).get(19).at();
        assertTrue(lastFast.isBefore(firstSlow.plusSeconds(2)),
                "all twenty reached the fast endpoint before the slow one's first attempt timed out");
        assertTrue(receiver.at(slow).size() <= 8, "at most eight requests in flight to one endpoint");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(tenant, ADMIN)
                .when().get("/v1/webhooks/subscriptions/" + slowId + "/attempts")
                .then().statusCode(200).body("items[0].error", equalTo("no answer within 2000 ms"))
                .body("items[0].status", nullValue()));
    }

    @Test
    void aDeadEndpointIsOnlyProbedAndTakesNoCapacityFromALiveOne() throws Exception {
        String tenant = newTenant();
        String live = "/live-" + tenant;
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LocalReceiver.HOST))) {
            closedPort = socket.getLocalPort();
        }
        String deadId = subscribe(tenant, "http://" + LocalReceiver.HOST + ":" + closedPort + "/dead",
                "response.completed").getString("id");
        subscribe(tenant, receiver.endpoint(live, n -> LocalReceiver.Reply.status(204)), "response.completed");
        publishResponses(tenant, IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID().toString())
                .toArray(String[]::new));

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(live).size() == 40);
        int attempts = as(tenant, ADMIN).queryParam("limit", 200)
                .when().get("/v1/webhooks/subscriptions/" + deadId + "/attempts")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
        assertTrue(attempts < 20, "a dead endpoint is probed, not tried once per message: " + attempts + " attempts");
        as(tenant, ADMIN).queryParam("state", "pending").queryParam("limit", 200)
                .when().get("/v1/webhooks/subscriptions/" + deadId + "/messages")
                .then().statusCode(200).body("items.size()", greaterThan(20));
    }

    @Test
    void aTestSendAnswersWithItsAttemptAndRotationSignsWithBothSecrets() {
        String tenant = newTenant();
        String path = "/test-" + tenant;
        JsonPath subscription = subscribe(tenant, receiver.endpoint(path, n -> LocalReceiver.Reply.status(204)),
                "response.completed");
        String id = subscription.getString("id");
        WebhookSecret old = new WebhookSecret(subscription.getString("secret"));
        WebhookSecret fresh = new WebhookSecret(as(tenant, ADMIN).body(Map.of("overlap", "PT1H"))
                .when().post("/v1/webhooks/subscriptions/" + id + "/secret/rotate")
                .then().statusCode(200).extract().path("secret"));

        as(tenant, ADMIN).when().post("/v1/webhooks/subscriptions/" + id + "/test")
                .then().statusCode(200).body("delivery.type", equalTo("webhook.test"))
                .body("delivery.state", equalTo("succeeded")).body("attempts[0].status", equalTo(204))
                .body("payload.data.subscriptionId", equalTo(id));
        LocalReceiver.Received test = receiver.at(path).get(0);
        assertEquals(2, test.header("webhook-signature").split(" ").length);
        assertEquals(WebhookSignature.Verdict.VALID, verify(old, test));
        assertEquals(WebhookSignature.Verdict.VALID, verify(fresh, test));
    }

    @Test
    void anAddressThatTurnsPrivateAfterSubscribingIsRefusedAtDelivery() {
        String tenant = newTenant();
        String path = "/rebound-" + tenant;
        String id = subscribe(tenant, receiver.endpoint(path, n -> LocalReceiver.Reply.status(204)),
                "response.completed").getString("id");
        // What a DNS answer changed after the check would do: the endpoint now leads to 127.0.0.1
        pool.preparedQuery("update subscription set url = replace(url, '127.0.0.2', '127.0.0.1') where id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(5));

        JsonPath attempt = as(tenant, ADMIN).when().post("/v1/webhooks/subscriptions/" + id + "/test")
                .then().statusCode(200).body("delivery.state", equalTo("dead"))
                .body("attempts[0].error", containsString("resolves to 127.0.0.1 is a private")).extract().jsonPath();
        assertNull(attempt.get("attempts[0].status"));
        assertTrue(receiver.at(path).isEmpty());
    }

    private static WebhookSignature.Verdict verify(WebhookSecret secret, LocalReceiver.Received request) {
        return WebhookSignature.verify(List.of(secret), request.header("webhook-id"),
                request.header("webhook-timestamp"), request.header("webhook-signature"), request.body(),
                Instant.now(), Duration.ofMinutes(5));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
