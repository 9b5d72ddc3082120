package io.hearken.profile.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.consumer.EventConsumers;
import io.hearken.testing.ConsumerProgress;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.hearken.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partner's purchase, renewal or cancellation on a customer's timeline is announced once on the profiles topic,
 * with the NPS the customer last gave before it: what insight-service reads outcomes by NPS group from.
 */
@QuarkusTest
class OutcomeEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventConsumers consumers;

    @BeforeEach
    void letTheTimelineCatchUp() {
        ConsumerProgress.awaitCaughtUp(consumers);
    }

    private static int post(String tenant, String eventId, String type, String occurredAt) {
        return given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "partner:shop")
                .contentType(ContentType.JSON)
                .body("""
                        {"eventId": "%s", "type": "%s", "identities": {"customerId": "C-1"}, "stage": "purchase",
                         "occurredAt": "%s"}""".formatted(eventId, type, occurredAt))
                .when().post("/v1/profiles/events")
                .then().extract().statusCode();
    }

    @Test
    void anOutcomeIsAnnouncedOnceWithTheNpsGivenBeforeIt() throws Exception {
        String tenant = ProfileApiTest.tenant();
        String profileId = ProfileApiTest.upsert(tenant, "{\"customerId\": \"C-1\"}");
        String response = ProfileApiTest.response(tenant, "C-1", null, true, 3, "delivery", "2026-11-10T10:00:00Z");
        String responseId = response.substring(response.indexOf("\"responseId\": \"") + 15,
                response.indexOf("\", \"surveyId\""));
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            publisher.publish("hearken.responses", responseId, "hearken.response.submitted.v2", "survey-1", tenant,
                    response);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", tenant).when().get("/v1/profiles/{id}/timeline", profileId)
                        .then().statusCode(200).body("items.type", hasItem("response.submitted")));

        try (TopicProbe profiles = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), "hearken.profiles")) {
            assertEquals(201, post(tenant, "order-after", "purchase", "2026-11-12T10:00:00Z"));
            assertEquals(201, post(tenant, "order-before", "purchase", "2026-11-01T10:00:00Z"));
            assertEquals(201, post(tenant, "visit", "store.visit", "2026-11-13T10:00:00Z"));
            assertEquals(200, post(tenant, "order-after", "purchase", "2026-11-12T10:00:00Z"));
            List<ConsumerRecord<String, String>> outcomes = profiles.collect(record ->
                    "hearken.customer.outcome.v1".equals(TopicProbe.header(record, "ce_type"))
                            && record.value().contains(tenant), Duration.ofSeconds(5));

            assertEquals(2, outcomes.size(), "one per outcome, none for a visit or a repeated event");
            JsonNode after = JSON.readTree(outcomes.stream().filter(record -> record.value().contains("11-12"))
                    .findFirst().orElseThrow().value());
            assertEquals(profileId, after.get("profileId").asText());
            assertEquals("purchase", after.get("outcome").asText());
            assertEquals(3, after.get("lastNps").asInt());
            assertEquals("purchase", after.get("journeyStage").asText());
            JsonNode before = JSON.readTree(outcomes.stream().filter(record -> record.value().contains("11-01"))
                    .findFirst().orElseThrow().value());
            assertTrue(before.get("lastNps").isNull(), "no answer before it");
            assertEquals(profileId, outcomes.get(0).key());
            assertEquals(after.get("eventId").asText(), UUID.fromString(after.get("eventId").asText()).toString());
        }
    }
}
