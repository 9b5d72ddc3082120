package io.hearken.insight.rest;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.insight.domain.ChurnReason;
import io.hearken.insight.domain.ChurnRisk;
import io.hearken.insight.domain.ChurnRiskModel;
import io.hearken.insight.domain.ChurnSignals;
import io.hearken.insight.domain.ScaleScore;
import io.hearken.insight.service.TextAnalysisService;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.hearken.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing the loop: a resolved case is announced on hearken.alerts with the customer's identities, the customer's
 * next answer measures recovery, a detractor with an angry comment gets a churn risk announced with its reasons, and
 * an erasure removes the customer's churn signals and identities.
 */
@QuarkusTest
class CaseLoopTest {

    private static final String BOOTSTRAP = TestInfrastructure.kafkaBootstrapServers();
    private static final String ANGRY = "Terrible service, the worst experience, I am furious and will cancel";

    @Inject
    Pool pool;

    @Inject
    TextAnalysisService analyser;

    private static String response(String tenant, String responseId, String customerId, String email,
                                   Instant submittedAt, String answers) {
        return """
                {"responseId": "%s", "surveyId": "%s", "surveyVersion": 1, "tenant": "%s", "channel": "web",
                 "language": "en", "respondent": {"customerId": "%s", "email": "%s", "verified": true},
                 "answers": [%s], "completed": true, "submittedAt": "%s"}
                """.formatted(responseId, AlertFixtures.SURVEY, tenant, customerId, email, answers, submittedAt);
    }

    private static void publish(String tenant, String responseId, String json) {
        AlertFixtures.publish(tenant, List.<String[]>of(new String[] {responseId, json}));
    }

    private static String detractorCase(String tenant, String customerId, String email) {
        AlertFixtures.createRule(tenant, "{\"name\": \"Detractors\", \"type\": \"DETRACTOR\", \"priority\": \"HIGH\"}");
        String responseId = UUID.randomUUID().toString();
        publish(tenant, responseId, response(tenant, responseId, customerId, email,
                Instant.now().minus(1, ChronoUnit.HOURS), AlertFixtures.nps(2)));
        AlertFixtures.awaitAlerts(tenant, 1);
        return AlertFixtures.alerts(tenant).getString("items[0].caseId");
    }

    private static void resolve(String tenant, String caseId, String outcome) {
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "agent:agatha")
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"%s\", \"rootCause\": \"billing.double-charge\"}".formatted(outcome))
                .when().post("/v1/cases/{id}/resolve", caseId)
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
    }

    private static boolean ofType(ConsumerRecord<String, String> record, String type, String subject) {
        return type.equals(TopicProbe.header(record, "ce_type")) && subject.equals(record.key());
    }

    @Test
    void resolvingACaseAnnouncesItOnceWithTheCustomersIdentities() {
        String tenant = AlertFixtures.newTenant();
        String customerId = "cust-" + UUID.randomUUID();
        String email = "mika." + UUID.randomUUID() + "@example.com";
        String caseId = detractorCase(tenant, customerId, email.toUpperCase());
        try (TopicProbe probe = TopicProbe.open(BOOTSTRAP, Topics.ALERTS)) {
            resolve(tenant, caseId, "RECOVERED");
            List<ConsumerRecord<String, String>> resolved = probe.await(
                    record -> ofType(record, EventTypes.CASE_RESOLVED, caseId), 1, Duration.ofSeconds(30));
            assertEquals(1, resolved.size(), "one case.resolved event");
            ConsumerRecord<String, String> record = resolved.get(0);
            assertEquals("case-resolved:" + caseId, TopicProbe.header(record, "ce_id"));
            assertEquals(tenant, TopicProbe.header(record, "ce_tenant"));
            JsonPath data = JsonPath.from(record.value());
            assertEquals(caseId, data.getString("caseId"));
            assertEquals("Detractors", data.getString("ruleName"));
            assertEquals("HIGH", data.getString("priority"));
            assertEquals("RECOVERED", data.getString("outcome"));
            assertEquals("billing.double-charge", data.getString("rootCause"));
            assertEquals("agatha", data.getString("resolvedBy"));
            assertEquals(customerId, data.getString("customer.customerId"));
            assertEquals(email, data.getString("customer.email"), "normalised");
            assertTrue(data.getBoolean("customer.verified"));
            // Appended once and deleted from the outbox: no second copy follows.
            assertEquals(1, probe.collect(r -> ofType(r, EventTypes.CASE_RESOLVED, caseId), Duration.ofSeconds(2))
                    .size());
        }
        assertEquals(0L, count("select count(*) from outbox_event where id = $1", "case-resolved:" + caseId));
    }

    @Test
    void aPromoterAnswerAfterTheResolutionIsMeasuredAsRecovery() {
        String tenant = AlertFixtures.newTenant();
        String customerId = "cust-" + UUID.randomUUID();
        String caseId = detractorCase(tenant, customerId, "ren." + UUID.randomUUID() + "@example.com");
        resolve(tenant, caseId, "RECOVERED");
        String next = UUID.randomUUID().toString();
        publish(tenant, next, response(tenant, next, customerId, null, Instant.now().plusSeconds(1),
                AlertFixtures.nps(9)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", tenant).when().get("/v1/cases/{id}", caseId)
                        .then().statusCode(200)
                        .body("recovery.result", equalTo("RECOVERED"))
                        .body("recovery.scale", equalTo("NPS"))
                        .body("recovery.score", equalTo(9)));
        String today = Instant.now().toString().substring(0, 10);
        given().header("X-Hearken-Tenant", tenant).queryParam("from", today).queryParam("to", today)
                .when().get("/v1/cases/recovery")
                .then().statusCode(200)
                .body("measured", equalTo(1))
                .body("recovered", equalTo(1))
                .body("recoveryRate", equalTo(1.0f))
                .body("byOutcome[0].outcome", equalTo("RECOVERED"))
                .body("byOutcome[0].recovered", equalTo(1));
        given().header("X-Hearken-Tenant", tenant).queryParam("from", "yesterday")
                .when().get("/v1/cases/recovery")
                .then().statusCode(400);
    }

    @Test
    void aDetractorWithAnAngryCommentGetsAChurnRiskWithItsReasonsAndAnErasureForgetsThem() {
        String tenant = AlertFixtures.newTenant();
        String customerId = "cust-" + UUID.randomUUID();
        String email = "yuki." + UUID.randomUUID() + "@example.com";
        Instant submittedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String responseId = UUID.randomUUID().toString();
        JsonPath data;
        try (TopicProbe probe = TopicProbe.open(BOOTSTRAP, Topics.ALERTS)) {
            publish(tenant, responseId, response(tenant, responseId, customerId, email, submittedAt,
                    AlertFixtures.nps(3) + ", " + AlertFixtures.text(ANGRY)));
            List<ConsumerRecord<String, String>> assessed = probe.await(
                    record -> ofType(record, EventTypes.CUSTOMER_CHURN_RISK, customerId), 1, Duration.ofSeconds(60));
            assertEquals(1, assessed.size(), "one churn-risk event");
            data = JsonPath.from(assessed.get(0).value());
        }
        double sentiment = analyser.analyze(ANGRY, "en").sentiment();
        Instant assessedAt = Instant.parse(data.getString("assessedAt"));
        ChurnRisk expected = ChurnRiskModel.assess(new ChurnSignals(tenant, customerId,
                List.of(new ChurnSignals.DatedScore(ScaleScore.nps(3), submittedAt)),
                List.of(new ChurnSignals.DatedSentiment(sentiment, submittedAt)), 0), assessedAt);
        assertEquals(tenant, data.getString("tenant"));
        assertEquals(customerId, data.getString("customerKey"));
        assertEquals(email, data.getString("customer.email"));
        assertEquals(expected.score(), data.getInt("score"));
        assertEquals(expected.band().name(), data.getString("band"));
        assertEquals(55, expected.score(), "a detractor (35) with a negative comment (20)");
        List<Map<String, Object>> reasons = data.getList("reasons");
        assertEquals(expected.reasons().size(), reasons.size());
        for (int i = 0; i < reasons.size(); i++) {
            ChurnReason reason = expected.reasons().get(i);
            assertEquals(reason.factor().name(), reasons.get(i).get("factor"));
            assertEquals(reason.description(), reasons.get(i).get("text"));
            assertEquals(reason.points(), reasons.get(i).get("points"));
        }
        assertEquals(1L, count("select count(*) from churn_signals where tenant = $1", tenant));

        String erasureId = UUID.randomUUID().toString();
        String profileId = "p-" + UUID.randomUUID();
        try (EventPublisher publisher = new EventPublisher(BOOTSTRAP)) {
            publisher.publish(Topics.PROFILES, profileId, EventTypes.PROFILE_ERASED, profileId, tenant, """
                    {"erasureId": "%s", "tenant": "%s", "profileId": "%s",
                     "identities": [{"kind": "email", "value": "%s"}], "erasedAt": "%s"}
                    """.formatted(erasureId, tenant, profileId, email, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(0L, count("select count(*) from churn_signals where tenant = $1", tenant)));
    }

    @Test
    void aBatchOfManyCustomersLeavesEachWithTheSignalsAndAnnouncementsOneResponseAtATimeWouldGive() {
        String tenant = AlertFixtures.newTenant();
        int customers = 40;
        Instant promoterAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Instant detractorAt = promoterAt.plus(1, ChronoUnit.HOURS);
        List<String[]> events = new ArrayList<>();
        Set<String> customerIds = new HashSet<>();
        for (int c = 0; c < customers; c++) {
            String customerId = "batch-" + c + "-" + UUID.randomUUID();
            customerIds.add(customerId);
            String email = customerId + "@example.com";
            String promoter = UUID.randomUUID().toString();
            String detractor = UUID.randomUUID().toString();
            // Each customer's promoter answer first, then the angry detractor answer: published together, so the
            // consumer takes many customers in one batch
            events.add(new String[] {promoter, response(tenant, promoter, customerId, email, promoterAt,
                    AlertFixtures.nps(10))});
            events.add(new String[] {detractor, response(tenant, detractor, customerId, email, detractorAt,
                    AlertFixtures.nps(2) + ", " + AlertFixtures.text(ANGRY))});
        }
        List<ConsumerRecord<String, String>> announced;
        try (TopicProbe probe = TopicProbe.open(BOOTSTRAP, Topics.ALERTS)) {
            AlertFixtures.publish(tenant, events);
            announced = probe.await(record -> EventTypes.CUSTOMER_CHURN_RISK.equals(
                    TopicProbe.header(record, "ce_type")) && customerIds.contains(record.key()),
                    2 * customers, Duration.ofSeconds(60));
            // Nothing more arrives: a change is announced once
            announced = probe.collect(record -> EventTypes.CUSTOMER_CHURN_RISK.equals(
                    TopicProbe.header(record, "ce_type")) && customerIds.contains(record.key()), Duration.ofSeconds(2));
        }
        double sentiment = analyser.analyze(ANGRY, "en").sentiment();
        Map<String, List<JsonPath>> byCustomer = new HashMap<>();
        for (ConsumerRecord<String, String> record : announced) {
            byCustomer.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(JsonPath.from(record.value()));
        }
        assertEquals(customerIds, byCustomer.keySet());
        for (Map.Entry<String, List<JsonPath>> entry : byCustomer.entrySet()) {
            List<JsonPath> assessments = entry.getValue();
            assertEquals(2, assessments.size(), "an assessment after each answer");
            // The two answers are keyed by response, so they may come in either order: the first assessment is of
            // whichever came first, the second of both (answers are kept in the order given, not of arrival)
            Instant firstAt = Instant.parse(assessments.get(0).getString("assessedAt"));
            ChurnRisk promoterOnly = ChurnRiskModel.assess(new ChurnSignals(tenant, entry.getKey(),
                    List.of(new ChurnSignals.DatedScore(ScaleScore.nps(10), promoterAt)), List.of(), 0), firstAt);
            ChurnRisk detractorOnly = ChurnRiskModel.assess(new ChurnSignals(tenant, entry.getKey(),
                    List.of(new ChurnSignals.DatedScore(ScaleScore.nps(2), detractorAt)),
                    List.of(new ChurnSignals.DatedSentiment(sentiment, detractorAt)), 0), firstAt);
            Instant assessedAt = Instant.parse(assessments.get(1).getString("assessedAt"));
            ChurnRisk afterDetractor = ChurnRiskModel.assess(new ChurnSignals(tenant, entry.getKey(),
                    List.of(new ChurnSignals.DatedScore(ScaleScore.nps(10), promoterAt),
                            new ChurnSignals.DatedScore(ScaleScore.nps(2), detractorAt)),
                    List.of(new ChurnSignals.DatedSentiment(sentiment, detractorAt)), 0), assessedAt);
            int first = assessments.get(0).getInt("score");
            assertTrue(first == promoterOnly.score() || first == detractorOnly.score(), "first assessment " + first);
            assertEquals(afterDetractor.score(), assessments.get(1).getInt("score"));
            assertEquals(afterDetractor.band().name(), assessments.get(1).getString("band"));
            assertEquals(entry.getKey() + "@example.com", assessments.get(1).getString("customer.email"));
        }
        assertEquals(customers, count("""
                select count(*) from churn_signals
                where tenant = $1 and previous_nps = 10 and latest_nps = 2 and latest_sentiment < 0
                  and risk_score is not null""", tenant));
    }

    @Test
    void anErasureRemovesTheRespondentsEmailAndPhoneFromTheirAlerts() {
        String tenant = AlertFixtures.newTenant();
        String email = "aki." + UUID.randomUUID() + "@example.com";
        AlertFixtures.createRule(tenant, "{\"name\": \"Detractors\", \"type\": \"DETRACTOR\", \"priority\": \"LOW\"}");
        String responseId = UUID.randomUUID().toString();
        publish(tenant, responseId, """
                {"responseId": "%s", "surveyId": "s1", "tenant": "%s", "channel": "web", "completed": true,
                 "respondent": {"email": "%s", "phone": "+81 90 1234 5678"},
                 "answers": [%s], "submittedAt": "%s"}""".formatted(responseId, tenant, email, AlertFixtures.nps(1),
                Instant.now().minusSeconds(60)));
        AlertFixtures.awaitAlerts(tenant, 1);
        assertEquals(1L, count("select count(*) from alert where tenant = $1 and respondent_email is not null"
                + " and respondent_phone = '+819012345678'", tenant));

        try (EventPublisher publisher = new EventPublisher(BOOTSTRAP)) {
            publisher.publish(Topics.PROFILES, "p-1", EventTypes.PROFILE_ERASED, "p-1", tenant, """
                    {"erasureId": "%s", "tenant": "%s", "profileId": "p-1",
                     "identities": [{"kind": "phone", "value": "+819012345678"}], "erasedAt": "%s"}
                    """.formatted(UUID.randomUUID(), tenant, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1L, count(
                "select count(*) from alert where tenant = $1 and respondent_email is null"
                        + " and respondent_phone is null", tenant)));
        assertFalse(count("select count(*) from churn_signals where tenant = $1", tenant) > 0,
                "a customer known only by email and phone: their signals go with the phone's erasure");
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
