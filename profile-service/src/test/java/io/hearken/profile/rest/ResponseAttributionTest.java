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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Recording a response on a customer's timeline announces it ({@code hearken.response.attributed.v1}) once, keyed by
 * the profile, with the saved segments the customer is in once the response counted; whether the customer was known
 * (the set-based batch) or new (one by one). A business outcome carries the segments too; an anonymous response is
 * announced by nobody.
 */
@QuarkusTest
class ResponseAttributionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ATTRIBUTED = "hearken.response.attributed.v1";

    @Inject
    EventConsumers consumers;

    @BeforeEach
    void letTheTimelineCatchUp() {
        ConsumerProgress.awaitCaughtUp(consumers);
    }

    private static String segment(String tenant, String name, String rule) {
        return given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"rule\": " + rule + "}")
                .when().post("/v1/profiles/segments")
                .then().statusCode(201).extract().path("id");
    }

    private static String idOf(String response) {
        return response.substring(response.indexOf("\"responseId\": \"") + 15, response.indexOf("\", \"surveyId\""));
    }

    private static Set<String> segmentsOf(JsonNode event) {
        Set<String> segments = new TreeSet<>();
        event.get("segments").forEach(segment -> segments.add(segment.asText()));
        return segments;
    }

    private static JsonNode about(List<ConsumerRecord<String, String>> records, String responseId) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = JSON.readTree(record.value());
            if (responseId.equals(event.get("responseId").asText())) {
                found.add(event);
            }
        }
        assertEquals(1, found.size(), "announced once: " + responseId);
        return found.get(0);
    }

    @Test
    void aRecordedResponseIsAnnouncedOnceWithTheSegmentsItsCustomerIsIn() throws Exception {
        String tenant = ProfileApiTest.tenant();
        String known = ProfileApiTest.upsert(tenant, "{\"customerId\": \"C-1\"}");
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "admin:ops")
                .contentType(ContentType.JSON).body("{\"set\": {\"plan\": \"gold\"}}")
                .when().patch("/v1/profiles/{id}/traits", known).then().statusCode(200);
        String gold = segment(tenant, "gold", "{\"trait\": \"plan\", \"op\": \"eq\", \"value\": \"gold\"}");
        String detractors = segment(tenant, "detractors", "{\"fact\": \"lastNps\", \"op\": \"lte\", \"value\": 6}");
        String promoters = segment(tenant, "promoters", "{\"fact\": \"lastNps\", \"op\": \"gte\", \"value\": 9}");

        String knownAnswer = ProfileApiTest.response(tenant, "C-1", null, true, 3, "support",
                "2026-11-20T10:00:00Z");
        String newAnswer = ProfileApiTest.response(tenant, "C-2", null, true, 10, "support", "2026-11-20T11:00:00Z");
        String anonymous = ProfileApiTest.response(tenant, null, null, false, 5, "support", "2026-11-20T12:00:00Z");
        try (TopicProbe profiles = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), "hearken.profiles");
             EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            for (String response : List.of(knownAnswer, newAnswer, anonymous, knownAnswer)) {
                publisher.publish("hearken.responses", idOf(response), "hearken.response.submitted.v2", "survey-1",
                        tenant, response);
            }
            Predicate<ConsumerRecord<String, String>> ofTenant = record ->
                    ATTRIBUTED.equals(TopicProbe.header(record, "ce_type")) && record.value().contains(tenant);
            profiles.await(ofTenant, 2, Duration.ofSeconds(60));
            // Anything announced twice would arrive within a few seconds more.
            List<ConsumerRecord<String, String>> attributions = profiles.collect(ofTenant, Duration.ofSeconds(3));

            assertEquals(2, attributions.size(), "the known and the new customer's responses, each once");
            JsonNode ofKnown = about(attributions, idOf(knownAnswer));
            assertEquals(known, ofKnown.get("profileId").asText());
            assertEquals("survey-1", ofKnown.get("surveyId").asText());
            assertEquals("2026-11-20T10:00:00Z", ofKnown.get("occurredAt").asText());
            assertEquals(new TreeSet<>(Set.of(gold, detractors)), segmentsOf(ofKnown),
                    "gold, and a detractor once this answer counted");
            assertEquals(known, attributions.stream().filter(record -> record.value().contains(idOf(knownAnswer)))
                    .findFirst().orElseThrow().key());
            JsonNode ofNew = about(attributions, idOf(newAnswer));
            assertEquals(Set.of(promoters), segmentsOf(ofNew));

            assertEquals(201, given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "partner:shop")
                    .contentType(ContentType.JSON)
                    .body("""
                            {"eventId": "order-1", "type": "purchase", "identities": {"customerId": "C-1"},
                             "occurredAt": "2026-11-21T10:00:00Z"}""")
                    .when().post("/v1/profiles/events").then().extract().statusCode());
            List<ConsumerRecord<String, String>> outcomes = profiles.await(record ->
                    "hearken.customer.outcome.v1".equals(TopicProbe.header(record, "ce_type"))
                            && record.value().contains(tenant), 1, Duration.ofSeconds(30));
            assertEquals(1, outcomes.size());
            assertEquals(new TreeSet<>(Set.of(gold, detractors)), segmentsOf(JSON.readTree(outcomes.get(0).value())));
        }
    }
}
