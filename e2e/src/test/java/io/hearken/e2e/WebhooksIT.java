package io.hearken.e2e;

import com.sun.net.httpserver.HttpServer;
import io.hearken.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partner's integration, end to end through the gateway with real tokens: the partner (client credentials)
 * subscribes its endpoint, respondents answer an admin's survey on the public API, and every completed response
 * reaches the endpoint once, signed, thin, with the message id stable; another tenant's partner and an analyst
 * cannot touch the subscription.
 */
class WebhooksIT {

    private static final String SURVEY = """
            {"name": "E2E webhooks", "title": {"en": "How did we do?"}, "defaultLanguage": "en",
             "languages": ["en"], "publish": true,
             "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend us?"}},
                           {"id": "why", "type": "TEXT", "required": false, "text": {"en": "Why?"}}]}
            """;

    private static Platform platform;
    private static HttpServer endpoint;
    private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.get();
        // 127.0.0.2: the one loopback address the platform is allowed to deliver to (HEARKEN_WEBHOOK_ALLOWED_NETWORKS)
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 16);
        endpoint.createContext("/partner/hooks", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                received.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "signature", exchange.getRequestHeaders().getFirst("webhook-signature"),
                        "body", new String(body.readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        endpoint.start();
    }

    @AfterAll
    static void stop() {
        endpoint.stop(0);
    }

    @Test
    void aPartnersEndpointGetsEveryCompletedResponseOnceSignedAndThin() {
        String partner = KeycloakTokens.forClient(platform.keycloakUrl, "hearken-partner-acme",
                "partner-secret-acme");
        String url = "http://127.0.0.2:" + endpoint.getAddress().getPort() + "/partner/hooks";
        JsonPath subscription = given().baseUri(platform.gatewayUrl).auth().oauth2(partner)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("response.completed"), "description", "e2e"))
                .when().post("/api/v1/webhooks/subscriptions")
                .then().statusCode(201).body("secret", startsWith("whsec_")).extract().jsonPath();
        String id = subscription.getString("id");

        String admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
        String surveyId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY).when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            responses.add(given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("""
                            {"channel": "web", "respondent": {"email": "r%d.%s@example.com"},
                             "answers": {"nps": %d, "why": "a secret reason"}}"""
                            .formatted(i, UUID.randomUUID(), i * 2))
                    .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(202).extract().path("id"));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> received.stream()
                .filter(message -> message.get("body").contains(surveyId)).count() >= responses.size());
        List<Map<String, String>> ours = received.stream()
                .filter(message -> message.get("body").contains(surveyId)).toList();
        Set<String> delivered = ours.stream().map(message -> JsonPath.from(message.get("body"))
                .getString("data.responseId")).collect(Collectors.toSet());
        assertEquals(Set.copyOf(responses), delivered);
        for (Map<String, String> message : ours) {
            assertTrue(message.get("id").startsWith("msg_"));
            assertTrue(message.get("signature").startsWith("v1,"));
            assertTrue(!message.get("body").contains("a secret reason") && !message.get("body").contains("@"),
                    "no respondent's words or address in a partner's payload");
        }

        given().baseUri(platform.gatewayUrl).auth().oauth2(partner)
                .queryParam("state", "succeeded").queryParam("limit", 200)
                .when().get("/api/v1/webhooks/subscriptions/{id}/messages", id)
                .then().statusCode(200).body("items", hasSize(responses.size()));

        String otherPartner = KeycloakTokens.forClient(platform.keycloakUrl, "hearken-partner-globex",
                "partner-secret-globex");
        given().baseUri(platform.gatewayUrl).auth().oauth2(otherPartner)
                .when().get("/api/v1/webhooks/subscriptions/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
        given().baseUri(platform.gatewayUrl).auth().oauth2(KeycloakTokens.forUser(platform.keycloakUrl, "arthur"))
                .when().get("/api/v1/webhooks/subscriptions")
                .then().statusCode(403);
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                .when().get("/api/v1/webhooks/subscriptions/{id}", id)
                .then().statusCode(200).body("status", equalTo("active"));
        given().baseUri(platform.gatewayUrl).auth().oauth2(partner)
                .when().delete("/api/v1/webhooks/subscriptions/{id}", id)
                .then().statusCode(204);
    }
}
