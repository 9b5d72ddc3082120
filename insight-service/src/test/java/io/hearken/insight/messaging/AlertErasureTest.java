package io.hearken.insight.messaging;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.hearken.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An erased customer's alerts and cases lose what identifies them (customer id, case notes), and the erasure's
 * receipt counts them; another customer's case is untouched.
 */
@QuarkusTest
class AlertErasureTest {

    private static final String BOOTSTRAP = TestInfrastructure.kafkaBootstrapServers();

    private static void publishDetractor(EventPublisher publisher, String tenant, String customerId) {
        String responseId = UUID.randomUUID().toString();
        publisher.publish(Topics.RESPONSES, responseId, EventTypes.RESPONSE_SUBMITTED, "s1", tenant, """
                {"responseId": "%s", "surveyId": "s1", "tenant": "%s", "channel": "web", "completed": true,
                 "respondent": {"customerId": "%s"},
                 "answers": [{"questionId": "nps", "type": "NPS", "score": 0, "scaleMin": 0, "scaleMax": 10}],
                 "submittedAt": "2026-11-24T10:00:00Z"}""".formatted(responseId, tenant, customerId));
    }

    private static JsonPath cases(String tenant) {
        return given().header("X-Hearken-Tenant", tenant).when().get("/v1/cases")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anonymisesTheErasedCustomersAlertsAndCases() {
        String tenant = "alerts-" + UUID.randomUUID();
        given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"name\": \"Detractors\", \"type\": \"DETRACTOR\", \"priority\": \"HIGH\"}")
                .when().post("/v1/alert-rules").then().statusCode(201);
        String erased = "cust-" + UUID.randomUUID();
        String kept = "cust-" + UUID.randomUUID();
        try (EventPublisher publisher = new EventPublisher(BOOTSTRAP)) {
            publishDetractor(publisher, tenant, erased);
            publishDetractor(publisher, tenant, kept);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> cases(tenant).getList("items").size() == 2);
        String erasedCase = cases(tenant).getString("items.find { it.customerId == '" + erased + "' }.id");
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "agent:agatha")
                .contentType(ContentType.JSON).body("{\"text\": \"Spoke to Mika Tanaka on +81 90 1234 5678.\"}")
                .when().post("/v1/cases/{id}/notes", erasedCase).then().statusCode(200);

        String erasureId = UUID.randomUUID().toString();
        String profileId = "p-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.open(BOOTSTRAP, Topics.PROFILES);
             EventPublisher publisher = new EventPublisher(BOOTSTRAP)) {
            publisher.publish(Topics.PROFILES, profileId, EventTypes.PROFILE_ERASED, profileId, tenant, """
                    {"erasureId": "%s", "tenant": "%s", "profileId": "%s",
                     "identities": [{"kind": "customer_id", "value": "%s"}], "erasedAt": "%s"}
                    """.formatted(erasureId, tenant, profileId, erased, Instant.now()));
            List<ConsumerRecord<String, String>> receipts = probe.await(record ->
                    (erasureId + ":insight-service").equals(TopicProbe.header(record, "ce_id")), 1,
                    Duration.ofSeconds(30));
            assertFalse(receipts.isEmpty(), "a receipt");
            assertEquals(3, JsonPath.from(receipts.get(0).value()).getLong("itemsErased"),
                    "one alert, one case, the churn signals");
        }

        given().header("X-Hearken-Tenant", tenant).when().get("/v1/cases/{id}", erasedCase).then()
                .body("customerId", nullValue())
                .body("notes[0].text", equalTo("[erased]"))
                .body("notes[0].author", equalTo("agatha"));
        JsonPath alerts = given().header("X-Hearken-Tenant", tenant).when().get("/v1/alerts")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, alerts.getList("items.findAll { it.customerId == null }").size());
        assertEquals(kept, alerts.getString("items.find { it.customerId != null }.customerId"));
        assertEquals(kept, cases(tenant).getString("items.find { it.customerId != null }.customerId"));
    }
}
