package io.hearken.webhook.rest;

import io.hearken.webhook.domain.WebhookSecret;
import io.hearken.webhook.domain.WebhookSignature;
import io.restassured.response.ValidatableResponse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Registers inbound sources and posts messages to them signed as a partner would, for the inbound tests. */
final class InboundFixtures {

    static final String SOURCES = "/v1/webhooks/inbound-sources";

    private InboundFixtures() {
    }

    /** A source registered through the API: its id and secret. */
    record Source(String id, String name, WebhookSecret secret) {

        String path() {
            return "/v1/public/inbound/" + id;
        }
    }

    static Source register(String tenant, String caller) {
        String name = "src-" + UUID.randomUUID().toString().substring(0, 8);
        var created = given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", caller)
                .contentType("application/json").body("{\"name\": \"" + name + "\"}")
                .when().post(SOURCES)
                .then().statusCode(201).extract();
        return new Source(created.path("id"), name, WebhookSecret.parse(created.path("secret")));
    }

    static String newTenant() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String newMessageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A review as a partner posts it, with its own external id when one is given. */
    static String review(String externalId, String text) {
        return "{" + (externalId == null ? "" : "\"externalId\": \"" + externalId + "\", ")
                + "\"author\": \"jo\", \"rating\": 4, \"ratingMax\": 5, \"text\": \"" + text
                + "\", \"postedAt\": \"2026-01-05T10:00:00Z\"}";
    }

    /** Posts {@code body} to the source signed now with {@code secrets} under {@code messageId}. */
    static ValidatableResponse post(Source source, String messageId, String body, WebhookSecret... secrets) {
        return postAt(source.path(), messageId, Instant.now().getEpochSecond(), body, secrets);
    }

    static ValidatableResponse postAt(String path, String messageId, long timestamp, String body,
                                      WebhookSecret... secrets) {
        String signature = WebhookSignature.header(List.of(secrets), messageId, timestamp, body);
        return given().header("webhook-id", messageId).header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature).contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(path)
                .then();
    }
}
