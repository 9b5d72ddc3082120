package io.hearken.insight.rest;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code segment} as a slice of scores, trends and outcomes: a segment id, combinable with the other parameters;
 * anything else, empty, given twice, or asked of an endpoint that is not kept by segment, is a 400 naming it.
 */
@QuarkusTest
class SegmentSlicesTest {

    private static void outcome(EventPublisher publisher, String tenant, String profileId, String outcome,
                                Integer lastNps, String segments) {
        String eventId = UUID.randomUUID().toString();
        publisher.publishKeyed(Topics.PROFILES, profileId, eventId, EventTypes.CUSTOMER_OUTCOME, profileId, tenant,
                """
                {"eventId": "%s", "tenant": "%s", "profileId": "%s", "outcome": "%s",
                 "occurredAt": "2026-11-03T10:00:00Z", "journeyStage": "renewal", "lastNps": %s,
                 "lastNpsAt": "2026-10-01T00:00:00Z"%s}""".formatted(eventId, tenant, profileId, outcome, lastNps,
                        segments == null ? "" : ", \"segments\": [" + segments + "]"));
    }

    private static JsonPath outcomes(String tenant, Map<String, String> query) {
        return given().header("X-Hearken-Tenant", tenant).queryParams(query)
                .when().get("/v1/insights/outcomes").then().statusCode(200).extract().jsonPath();
    }

    private static String group(String name) {
        return "groups.find { it.npsGroup == '" + name + "' }";
    }

    @Test
    void outcomesAreCountedForEveryCustomerAndInTheSegmentsTheCustomerWasIn() {
        String tenant = "outcome-segments-" + UUID.randomUUID().toString().substring(0, 8);
        String gold = UUID.randomUUID().toString();
        String vip = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            outcome(publisher, tenant, UUID.randomUUID().toString(), "renewal", 10,
                    "\"" + gold + "\", \"" + vip + "\"");
            outcome(publisher, tenant, UUID.randomUUID().toString(), "cancellation", 2, "\"" + gold + "\"");
            outcome(publisher, tenant, UUID.randomUUID().toString(), "cancellation", 9, "");
            // Written before outcomes carried segments: counted for every customer, in no segment.
            outcome(publisher, tenant, UUID.randomUUID().toString(), "renewal", 9, null);
        }
        Map<String, String> november = Map.of("from", "2026-11-01", "to", "2026-11-30");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(4, outcomes(tenant, november).getLong("groups.sum { it.renewals + it.cancellations }")));

        JsonPath all = outcomes(tenant, november);
        assertNull(all.getString("segment"));
        assertEquals(2, all.getLong(group("promoter") + ".renewals"));
        Map<String, String> goldOnly = new HashMap<>(november);
        goldOnly.put("segment", gold);
        JsonPath ofGold = outcomes(tenant, goldOnly);
        assertEquals(gold, ofGold.getString("segment"));
        assertEquals(1, ofGold.getLong(group("promoter") + ".renewals"));
        assertEquals(0, ofGold.getLong(group("promoter") + ".cancellations"));
        assertEquals(1, ofGold.getLong(group("detractor") + ".cancellations"));
        assertEquals(100.0, ofGold.getDouble(group("detractor") + ".churnRate.value"), 1e-9);
        assertEquals(1, ofGold.getLong("stages.find { it.journeyStage == 'renewal' }.groups.sum { it.renewals }"));
        Map<String, String> vipByDay = new HashMap<>(november);
        vipByDay.putAll(Map.of("segment", vip, "granularity", "day"));
        JsonPath ofVip = outcomes(tenant, vipByDay);
        assertEquals(1, ofVip.getLong("groups.sum { it.renewals + it.cancellations }"));
        assertEquals(1, ofVip.getLong("trend[2]." + group("promoter") + ".renewals"));
    }

    @Test
    void aSegmentThatIsNotOneIsAProblemNamingIt() {
        String surveyId = UUID.randomUUID().toString();
        String segment = UUID.randomUUID().toString();
        for (String path : List.of("/v1/surveys/" + surveyId + "/scores", "/v1/surveys/" + surveyId + "/trend",
                "/v1/insights/outcomes")) {
            Map<String, String> question = path.contains("/surveys/") ? Map.of("question", "nps") : Map.of();
            for (String bad : List.of("gold", "", "1-1-1-1-1")) {
                Map<String, String> query = new HashMap<>(question);
                query.put("segment", bad);
                given().header("X-Hearken-Tenant", "acme").queryParams(query)
                        .when().get(path)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("errors[0].field", equalTo("segment"));
            }
            given().header("X-Hearken-Tenant", "acme").queryParams(question)
                    .queryParam("segment", segment, UUID.randomUUID().toString())
                    .when().get(path)
                    .then().statusCode(400).body("errors[0].field", equalTo("segment"))
                    .body("errors[0].message", containsString("more than once"));
        }
        // Text topics are not kept by segment: refused rather than answered for everyone.
        given().header("X-Hearken-Tenant", "acme").queryParam("segment", segment)
                .when().get("/v1/surveys/{id}/topics", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("segment"));
        given().header("X-Hearken-Tenant", "acme").queryParam("segmnt", segment)
                .when().get("/v1/surveys/{id}/scores", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("segmnt"));
    }
}
