package io.hearken.insight.service;

import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.repository.CaseRepository;
import io.hearken.insight.repository.StoredCase;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.PostgresSession;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Escalation of overdue cases by the sweep, on the real database: an overdue case rises one priority once, however
 * often and by however many sweepers at once; and a change saved against a stale version is refused.
 */
@QuarkusTest
class CaseEscalationSweepTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    CaseEscalationSweep sweep;

    @Inject
    CaseRepository cases;

    /** A detractor case of a new tenant, opened through the consumer, with its deadline moved into the past. */
    private static String[] overdueCase(String priority) {
        String tenant = "alerts-" + UUID.randomUUID();
        given().header("X-Hearken-Tenant", tenant).contentType("application/json")
                .body("{\"name\": \"Detractors\", \"type\": \"DETRACTOR\", \"priority\": \"%s\"}".formatted(priority))
                .when().post("/v1/alert-rules").then().statusCode(201);
        String responseId = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            publisher.publish("hearken.responses", responseId, "hearken.response.submitted.v2", "s1", tenant, """
                    {"responseId": "%s", "surveyId": "s1", "tenant": "%s", "channel": "web", "completed": true,
                     "answers": [{"questionId": "nps", "type": "NPS", "score": 1, "scaleMin": 0, "scaleMax": 10}],
                     "submittedAt": "2026-11-24T10:00:00Z"}""".formatted(responseId, tenant));
        }
        String caseId = await().atMost(Duration.ofSeconds(60)).until(() -> given().header("X-Hearken-Tenant", tenant)
                .when().get("/v1/cases").then().statusCode(200).extract().jsonPath()
                .getString("items[0].id"), id -> id != null);
        try (PostgresSession session = PostgresSession.open()) {
            session.execute("update follow_up_case set due_at = now() - interval '1 minute' where id = '"
                    + caseId + "'");
        }
        return new String[] {tenant, caseId};
    }

    @Test
    void escalatesAnOverdueCaseOnceEvenWhenSweptTwice() {
        String[] overdue = overdueCase("MEDIUM");
        String tenant = overdue[0];
        String caseId = overdue[1];
        given().header("X-Hearken-Tenant", tenant).queryParam("overdue", "true").when().get("/v1/cases")
                .then().body("items[0].id", equalTo(caseId)).body("items[0].overdue", equalTo(true));

        Instant now = Timestamps.now();
        sweep.sweep(now);
        sweep.sweep(now.plusSeconds(1));

        given().header("X-Hearken-Tenant", tenant).when().get("/v1/cases/{id}", caseId).then().statusCode(200)
                .body("priority", equalTo("HIGH"))
                .body("escalationCount", equalTo(1))
                .body("escalations", hasSize(1))
                .body("escalations[0].from", equalTo("MEDIUM"))
                .body("escalations[0].to", equalTo("HIGH"))
                .body("escalations[0].missedDeadline", notNullValue())
                .body("overdue", equalTo(false));
        given().header("X-Hearken-Tenant", tenant).queryParam("overdue", "true").when().get("/v1/cases")
                .then().body("items", hasSize(0));
        StoredCase stored = cases.find(tenant, caseId).await().atMost(WAIT).orElseThrow();
        // HIGH's SLA (24 h by default) from the escalation
        assertEquals(now.plus(Duration.ofHours(24)), stored.followUpCase().dueAt());
    }

    @Test
    void twoSweepersAtOnceEscalateOnce() {
        String[] overdue = overdueCase("LOW");
        Instant now = Timestamps.now();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> sweep.sweep(now));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> sweep.sweep(now));
        first.join();
        second.join();
        StoredCase stored = cases.find(overdue[0], overdue[1]).await().atMost(WAIT).orElseThrow();
        assertEquals(1, stored.followUpCase().escalations().size());
        assertEquals(1, stored.escalationCount());
        assertEquals("MEDIUM", stored.followUpCase().priority().name());
    }

    @Test
    void aChangeAgainstAStaleVersionIsRefused() {
        String[] overdue = overdueCase("HIGH");
        StoredCase read = cases.find(overdue[0], overdue[1]).await().atMost(WAIT).orElseThrow();
        Instant now = Timestamps.now();
        FollowUpCase assigned = read.followUpCase().assign("agatha");
        FollowUpCase otherAssignment = read.followUpCase().assign("arthur");
        assertTrue(cases.save(read, assigned, now).await().atMost(WAIT));
        assertFalse(cases.save(read, otherAssignment, now).await().atMost(WAIT), "lost the race");
        StoredCase after = cases.find(overdue[0], overdue[1]).await().atMost(WAIT).orElseThrow();
        assertEquals("agatha", after.followUpCase().assignee());
        assertEquals(read.version() + 1, after.version());
        assertEquals(List.of(), after.followUpCase().notes());
    }
}
