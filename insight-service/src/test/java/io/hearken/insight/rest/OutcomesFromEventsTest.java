package io.hearken.insight.rest;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Business outcomes from the profiles topic, by the NPS group of each customer's last answer before them: repeat
 * purchases follow each profile through a merge, an erasure forgets the profile, a redelivery counts nothing.
 */
@QuarkusTest
class OutcomesFromEventsTest {

    private static void outcome(EventPublisher publisher, String tenant, String eventId, String profileId,
                                String outcome, Integer lastNps, String day) {
        publisher.publishKeyed(Topics.PROFILES, profileId, eventId, EventTypes.CUSTOMER_OUTCOME, profileId, tenant,
                """
                {"eventId": "%s", "tenant": "%s", "profileId": "%s", "outcome": "%s",
                 "occurredAt": "%sT10:00:00Z", "journeyStage": "purchase", "lastNps": %s,
                 "lastNpsAt": %s}""".formatted(eventId, tenant, profileId, outcome, day, lastNps,
                lastNps == null ? "null" : "\"2026-10-01T00:00:00Z\""));
    }

    @Inject
    Pool pool;

    private long purchasesOf(String tenant, String profileId) {
        RowSet<Row> rows = pool.preparedQuery("select purchases from customer_purchases where tenant = $1 "
                + "and profile_id = $2").execute(Tuple.of(tenant, profileId)).await().indefinitely();
        return rows.size() == 0 ? 0 : rows.iterator().next().getLong(0);
    }

    private static JsonPath outcomes(String tenant, Map<String, String> query) {
        return given().header("X-Hearken-Tenant", tenant).queryParams(query)
                .when().get("/v1/insights/outcomes").then().statusCode(200).extract().jsonPath();
    }

    private static String group(String name) {
        return "groups.find { it.npsGroup == '" + name + "' }";
    }

    @Test
    void outcomesAreCountedByNpsGroupWithRepeatPurchasesRetentionAndChurn() {
        String tenant = "outcomes-" + UUID.randomUUID().toString().substring(0, 8);
        String promoter = UUID.randomUUID().toString();
        String detractor = UUID.randomUUID().toString();
        String merged = UUID.randomUUID().toString();
        String erased = UUID.randomUUID().toString();
        String repeated = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            outcome(publisher, tenant, UUID.randomUUID().toString(), promoter, "purchase", 10, "2026-10-03");
            outcome(publisher, tenant, repeated, promoter, "purchase", 9, "2026-11-03");
            outcome(publisher, tenant, repeated, promoter, "purchase", 9, "2026-11-03");
            outcome(publisher, tenant, UUID.randomUUID().toString(), promoter, "renewal", 9, "2026-11-04");
            outcome(publisher, tenant, UUID.randomUUID().toString(), detractor, "cancellation", 2, "2026-11-05");
            // A purchase by a profile later merged into the detractor's: the survivor's next purchase is a repeat.
            outcome(publisher, tenant, UUID.randomUUID().toString(), merged, "purchase", null, "2026-10-06");
            // Keyed by the merged profile, as profile-service keys a merge: after that profile's own events.
            publisher.publishKeyed(Topics.PROFILES, merged, UUID.randomUUID().toString(), EventTypes.PROFILE_MERGED,
                    detractor, tenant, """
                            {"mergeId": "%s", "tenant": "%s", "survivorId": "%s", "mergedId": "%s",
                             "reason": "operator", "mergedAt": "2026-10-07T00:00:00Z"}"""
                            .formatted(UUID.randomUUID(), tenant, detractor, merged));
            // The merge (on the merged profile's partition) is applied before the survivor's own next event.
            await().atMost(Duration.ofSeconds(60)).until(() -> purchasesOf(tenant, detractor) == 1);
            outcome(publisher, tenant, UUID.randomUUID().toString(), detractor, "purchase", 2, "2026-11-06");
            // An erased customer's purchases are forgotten: their next purchase would count as a first one.
            outcome(publisher, tenant, UUID.randomUUID().toString(), erased, "purchase", 7, "2026-10-08");
            publisher.publishKeyed(Topics.PROFILES, erased, UUID.randomUUID().toString(), EventTypes.PROFILE_ERASED,
                    erased, tenant, """
                            {"erasureId": "%s", "tenant": "%s", "profileId": "%s", "identities": [],
                             "erasedAt": "2026-10-09T00:00:00Z", "requestedBy": "admin:dpo"}"""
                            .formatted(UUID.randomUUID(), tenant, erased));
            outcome(publisher, tenant, UUID.randomUUID().toString(), erased, "purchase", 7, "2026-11-08");
        }
        Map<String, String> autumn = Map.of("from", "2026-10-01", "to", "2026-11-30");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(2, outcomes(tenant, autumn).getLong(group("passive") + ".purchases")));

        JsonPath report = outcomes(tenant, autumn);
        assertEquals(2, report.getLong(group("promoter") + ".purchases"));
        assertEquals(1, report.getLong(group("promoter") + ".repeatPurchases"));
        assertEquals(50.0, report.getDouble(group("promoter") + ".repeatPurchaseRate.value"), 1e-9);
        assertEquals(100.0, report.getDouble(group("promoter") + ".retentionRate.value"), 1e-9);
        assertEquals(1, report.getLong(group("detractor") + ".purchases"));
        assertEquals(1, report.getLong(group("detractor") + ".repeatPurchases"));
        assertEquals(100.0, report.getDouble(group("detractor") + ".churnRate.value"), 1e-9);
        assertEquals(0, report.getLong(group("passive") + ".repeatPurchases"));
        assertEquals(1, report.getLong(group("none") + ".purchases"));
        assertEquals("month", report.getString("granularity"));
        assertEquals(2, report.getList("trend").size());
        assertEquals(1, report.getLong("trend[1]." + group("promoter") + ".purchases"));
        assertEquals(6, report.getLong("stages.find { it.journeyStage == 'purchase' }.groups.sum { it.purchases }"));
        assertEquals(0L, purchasesOf(tenant, erased) - 1, "the erased profile's count restarted");

        given().header("X-Hearken-Tenant", tenant).queryParams(Map.of("granularity", "day", "from", "2020-01-01",
                        "to", "2026-11-30"))
                .when().get("/v1/insights/outcomes")
                .then().statusCode(400).body("errors[0].field", equalTo("granularity"));
    }
}
