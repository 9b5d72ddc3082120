package io.hearken.profile.rest;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.testing.ConsumerProgress;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * insight-service's events on hearken.alerts reach the customer's profile: a resolved case as one
 * {@code case.resolved} moment on the timeline of the profile its identities resolve to (verified to verified,
 * claimed to claimed), and a churn risk assessment as the {@code churnRisk} trait with its band and reasons, once per
 * event and never replaced by an older assessment.
 */
@QuarkusTest
class InsightEventsTest {

    private static final String TENANT = "acme";
    private static final String ALERTS = "hearken.alerts";

    @Inject
    EventConsumers consumers;

    private static String response(String responseId, String customerId, String email, boolean verified) {
        return """
                {"responseId": "%s", "surveyId": "survey-1", "tenant": "%s", "channel": "web", "language": "en",
                 "respondent": {"customerId": %s, "email": "%s", "verified": %s},
                 "answers": [{"questionId": "nps", "type": "NPS", "score": 2}],
                 "submittedAt": "%s"}
                """.formatted(responseId, TENANT, customerId == null ? "null" : "\"" + customerId + "\"", email,
                verified, Instant.now().minus(2, ChronoUnit.DAYS));
    }

    private static String caseResolved(String caseId, String responseId, String customerId, String email,
                                       boolean verified) {
        return """
                {"caseId": "%s", "alertId": "alert-%s", "tenant": "%s", "ruleName": "Detractors", "priority": "HIGH",
                 "responseId": "%s",
                 "customer": {"customerId": %s, "email": "%s", "phone": null, "verified": %s},
                 "outcome": "RECOVERED", "rootCause": "billing.double-charge", "resolvedBy": "agatha",
                 "resolvedAt": "%s"}
                """.formatted(caseId, caseId, TENANT, responseId,
                customerId == null ? "null" : "\"" + customerId + "\"", email, verified,
                Instant.now().minus(1, ChronoUnit.DAYS));
    }

    private static String churnRisk(String customerId, String email, int score, String band, Instant assessedAt) {
        return """
                {"tenant": "%s", "customerKey": "%s",
                 "customer": {"customerId": "%s", "email": "%s", "phone": null, "verified": true},
                 "score": %d, "band": "%s",
                 "reasons": [{"factor": "DETRACTOR", "text": "detractor on 2026-11-20 (NPS 3)", "points": 35},
                             {"factor": "NEGATIVE_SENTIMENT", "text": "negative sentiment on 2026-11-20 (-0.80)",
                              "points": %d}],
                 "assessedAt": "%s"}
                """.formatted(TENANT, customerId, customerId, email, score, band, score - 35, assessedAt);
    }

    private static void publish(String topic, String id, String type, String json) {
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            publisher.publish(topic, id, type, id, TENANT, json);
        }
    }

    private static JsonPath profileByEmail(String email) {
        return given().header("X-Hearken-Tenant", TENANT).queryParam("email", email)
                .when().get("/v1/profiles").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aResolvedCaseJoinsTheVerifiedCustomersTimelineOnce() {
        String customerId = "C-" + UUID.randomUUID();
        String email = "mika." + UUID.randomUUID() + "@example.com";
        String responseId = UUID.randomUUID().toString();
        publish("hearken.responses", responseId, "hearken.response.submitted.v1",
                response(responseId, customerId, email, true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("verified",
                profileByEmail(email).getString("trust")));

        String caseId = UUID.randomUUID().toString();
        String eventId = "case-resolved:" + caseId;
        String event = caseResolved(caseId, responseId, customerId, email, true);
        publish(ALERTS, eventId, "hearken.case.resolved.v1", event);
        // A redelivery must not put it on the timeline twice.
        publish(ALERTS, eventId, "hearken.case.resolved.v1", event);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", TENANT).queryParam("email", email)
                        .when().get("/v1/profiles")
                        .then().statusCode(200)
                        .body("timeline", hasSize(2))
                        .body("timeline[0].type", equalTo("case.resolved")));
        ConsumerProgress.awaitCaughtUp(consumers);
        JsonPath profile = profileByEmail(email);
        assertEquals(1, profile.getList("timeline.findAll { it.type == 'case.resolved' }").size());
        assertEquals(responseId, profile.getString("timeline[0].responseId"));
        String detail = profile.getString("timeline[0].detail");
        for (String part : List.of("RECOVERED", "billing.double-charge", "Detractors", "HIGH")) {
            assertTrue(detail.contains(part), detail + " names " + part);
        }
        assertEquals("verified", profile.getString("trust"));
        assertEquals("web", profile.getString("computed.lastChannel"), "a resolution is not the customer's contact");
    }

    @Test
    void aResolvedCaseAboutAClaimedRespondentStaysOnTheClaimedProfile() {
        String email = "li." + UUID.randomUUID() + "@example.com";
        String responseId = UUID.randomUUID().toString();
        publish("hearken.responses", responseId, "hearken.response.submitted.v1",
                response(responseId, null, email, false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("claimed",
                profileByEmail(email).getString("trust")));
        String caseId = UUID.randomUUID().toString();
        publish(ALERTS, "case-resolved:" + caseId, "hearken.case.resolved.v1",
                caseResolved(caseId, responseId, null, email, false));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", TENANT).queryParam("email", email)
                        .when().get("/v1/profiles")
                        .then().statusCode(200)
                        .body("trust", equalTo("claimed"))
                        .body("timeline.type", equalTo(List.of("case.resolved", "response.submitted"))));
    }

    @Test
    void theChurnRiskTraitKeepsTheNewestAssessmentOnceEach() {
        String customerId = "C-" + UUID.randomUUID();
        String email = "yuki." + UUID.randomUUID() + "@example.com";
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String first = UUID.randomUUID().toString();
        publish(ALERTS, first, "hearken.customer.churn-risk.v1",
                churnRisk(customerId, email, 55, "MEDIUM", now.minus(1, ChronoUnit.HOURS)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", TENANT).queryParam("email", email)
                        .when().get("/v1/profiles")
                        .then().statusCode(200)
                        .body("trust", equalTo("verified"))
                        .body("computed.churnRisk", equalTo(55))
                        .body("computed.churnRiskBand", equalTo("MEDIUM"))
                        .body("computed.churnRiskReasons", hasSize(2))
                        .body("computed.churnRiskReasons[0].factor", equalTo("DETRACTOR"))
                        .body("computed.churnRiskReasons[0].text", equalTo("detractor on 2026-11-20 (NPS 3)"))
                        .body("computed.churnRiskReasons[0].points", equalTo(35))
                        .body("computed.churnRiskReasons[1].points", equalTo(20)));

        // An older assessment arriving late changes nothing.
        publish(ALERTS, UUID.randomUUID().toString(), "hearken.customer.churn-risk.v1",
                churnRisk(customerId, email, 40, "MEDIUM", now.minus(2, ChronoUnit.HOURS)));
        ConsumerProgress.awaitCaughtUp(consumers);
        assertEquals(55, profileByEmail(email).getInt("computed.churnRisk"));

        // The same event again, even with other content, applies once.
        publish(ALERTS, first, "hearken.customer.churn-risk.v1", churnRisk(customerId, email, 99, "HIGH", now));
        ConsumerProgress.awaitCaughtUp(consumers);
        assertEquals(55, profileByEmail(email).getInt("computed.churnRisk"));

        publish(ALERTS, UUID.randomUUID().toString(), "hearken.customer.churn-risk.v1",
                churnRisk(customerId, email, 70, "HIGH", now.minus(30, ChronoUnit.MINUTES)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", TENANT).queryParam("email", email)
                        .when().get("/v1/profiles")
                        .then().statusCode(200)
                        .body("computed.churnRisk", equalTo(70))
                        .body("computed.churnRiskBand", equalTo("HIGH"))
                        .body("computed.churnRiskReasons[1].points", equalTo(35)));
    }
}
