package io.hearken.webhook.rest;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What the webhook tests do over and over: call the API as a tenant's admin or partner, publish events. */
final class Webhooks {

    static final String ADMIN = "admin:tests";

    private Webhooks() {
    }

    static String newTenant() {
        return "wh-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification as(String tenant, String caller) {
        return given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", caller)
                .contentType(ContentType.JSON);
    }

    /** Subscribes {@code url} to {@code types} as the tenant's admin; returns the answer (with the secret). */
    static JsonPath subscribe(String tenant, String url, String... types) {
        return as(tenant, ADMIN).body(new SubscriptionBody(url, List.of(types)))
                .when().post("/v1/webhooks/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }

    record SubscriptionBody(String url, List<String> eventTypes) {
    }

    /** A complete response with one NPS answer (and words and an address partners must not see), as event data. */
    static String response(String tenant, String responseId, int nps) {
        return response(tenant, responseId, nps, true);
    }

    /** A response with one NPS answer, complete or saved progress, as a v2 event's data. */
    static String response(String tenant, String responseId, int nps, boolean completed) {
        return """
                {"responseId": "%s", "surveyId": "survey-1", "surveyVersion": 1, "tenant": "%s", "channel": "web",
                 "language": "en", "respondent": {"email": "ann@example.com"},
                 "answers": [{"questionId": "nps", "type": "NPS", "score": %d, "scaleMin": 0, "scaleMax": 10},
                             {"questionId": "why", "type": "TEXT", "text": "private words"}],
                 "completed": %s, "submittedAt": "%s"}
                """.formatted(responseId, tenant, nps, completed, Instant.now());
    }

    /** Publishes saved progress and then the completed response, under one event id as survey-service does. */
    static void publishProgressThenCompletion(String tenant, String responseId) {
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            for (boolean completed : new boolean[] {false, false, true}) {
                publisher.publish(Topics.RESPONSES, responseId, EventTypes.RESPONSE_SUBMITTED, "survey-1", tenant,
                        response(tenant, responseId, 9, completed));
            }
        }
    }

    /** Publishes response events on hearken.responses, as survey-service does. */
    static void publishResponses(String tenant, String... responseIds) {
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            for (String id : responseIds) {
                publisher.publish(Topics.RESPONSES, id, EventTypes.RESPONSE_SUBMITTED, "survey-1", tenant,
                        response(tenant, id, 9));
            }
        }
    }
}
