package io.hearken.insight.rest;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rules, responses and cases for the alert and case tests: each test takes a tenant of its own. */
final class AlertFixtures {

    static final String SURVEY = "checkout";

    private AlertFixtures() {
    }

    static String newTenant() {
        return "alerts-" + UUID.randomUUID();
    }

    /** Creates a rule and returns its id. */
    static String createRule(String tenant, String json) {
        String location = given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON).body(json)
                .when().post("/v1/alert-rules")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A complete (or saved-progress) response with the given answers, as a v2 event's data. */
    static String response(String tenant, String responseId, boolean completed, String answers) {
        return """
                {"responseId": "%s", "surveyId": "%s", "surveyVersion": 1, "tenant": "%s", "channel": "web",
                 "language": "en", "respondent": {"customerId": "cust-%s"}, "answers": [%s],
                 "completed": %s, "submittedAt": "2026-11-24T10:00:00Z"}
                """.formatted(responseId, SURVEY, tenant, responseId, answers, completed);
    }

    static String nps(int score) {
        return "{\"questionId\": \"nps\", \"type\": \"NPS\", \"score\": %d, \"scaleMin\": 0, \"scaleMax\": 10}"
                .formatted(score);
    }

    static String csat(int score) {
        return "{\"questionId\": \"csat\", \"type\": \"CSAT\", \"score\": %d, \"scaleMin\": 1, \"scaleMax\": 5}"
                .formatted(score);
    }

    static String text(String text) {
        return "{\"questionId\": \"why\", \"type\": \"TEXT\", \"text\": \"%s\"}".formatted(text);
    }

    /** Publishes response events (id, data) on hearken.responses, in order. */
    static void publish(String tenant, List<String[]> events) {
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            for (String[] event : events) {
                publisher.publish(Topics.RESPONSES, event[0], EventTypes.RESPONSE_SUBMITTED, SURVEY, tenant,
                        event[1]);
            }
        }
    }

    static JsonPath alerts(String tenant) {
        return given().header("X-Hearken-Tenant", tenant).queryParam("limit", 200)
                .when().get("/v1/alerts").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath cases(String tenant) {
        return given().header("X-Hearken-Tenant", tenant).queryParam("limit", 200)
                .when().get("/v1/cases").then().statusCode(200).extract().jsonPath();
    }

    static void awaitAlerts(String tenant, int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(count, alerts(tenant).getList("items").size()));
    }

    /** A detractor rule, one detractor response, and the id of the case it opened. */
    static String openCase(String tenant, String priority) {
        createRule(tenant, "{\"name\": \"Detractors\", \"type\": \"DETRACTOR\", \"priority\": \"%s\"}"
                .formatted(priority));
        String responseId = UUID.randomUUID().toString();
        publish(tenant, List.<String[]>of(new String[] {responseId, response(tenant, responseId, true, nps(2))}));
        awaitAlerts(tenant, 1);
        return alerts(tenant).getString("items[0].caseId");
    }
}
