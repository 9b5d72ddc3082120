package io.hearken.insight.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static io.hearken.insight.rest.AlertFixtures.awaitAlerts;
import static io.hearken.insight.rest.AlertFixtures.createRule;
import static io.hearken.insight.rest.AlertFixtures.newTenant;
import static io.hearken.insight.rest.AlertFixtures.nps;
import static io.hearken.insight.rest.AlertFixtures.publish;
import static io.hearken.insight.rest.AlertFixtures.response;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cases and alerts page like every list ({items, next}, after, limit, Link rel="next"): a walk sees each item once
 * even while new alerts and cases are raised between its pages, and a cursor of the other list is refused.
 */
@QuarkusTest
class CaseAndAlertPagesTest {

    @Test
    void casesAndAlertsAreWalkedWithoutGapsOrRepeatsWhileNewOnesAreRaised() {
        String tenant = newTenant();
        createRule(tenant, "{\"name\": \"Detractors\", \"type\": \"DETRACTOR\", \"priority\": \"HIGH\"}");
        detractors(tenant, 5);
        awaitAlerts(tenant, 5);
        List<String> alertsBefore = AlertFixtures.alerts(tenant).getList("items.id", String.class);
        List<String> casesBefore = AlertFixtures.cases(tenant).getList("items.id", String.class);

        List<String> alerts = walk(tenant, "/v1/alerts");
        assertEquals(new HashSet<>(alerts).size(), alerts.size(), "no alert twice: " + alerts);
        assertTrue(alerts.containsAll(alertsBefore), "every alert raised before the walk: " + alerts);

        List<String> cases = walk(tenant, "/v1/cases");
        assertEquals(new HashSet<>(cases).size(), cases.size(), "no case twice: " + cases);
        assertTrue(cases.containsAll(casesBefore), "every case opened before the walk: " + cases);
    }

    @Test
    void refusesACursorOfAnotherListOrOneThatDoesNotDecodeNamingAfter() {
        String tenant = newTenant();
        createRule(tenant, "{\"name\": \"Detractors\", \"type\": \"DETRACTOR\", \"priority\": \"LOW\"}");
        detractors(tenant, 2);
        awaitAlerts(tenant, 2);
        String alertsCursor = given().header("X-Hearken-Tenant", tenant).queryParam("limit", 1)
                .when().get("/v1/alerts").then().statusCode(200).extract().path("next");
        given().header("X-Hearken-Tenant", tenant).queryParam("after", alertsCursor).when().get("/v1/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("after"));
        given().header("X-Hearken-Tenant", tenant).queryParam("after", "garbage!").when().get("/v1/alerts")
                .then().statusCode(400).body("errors.field", contains("after"));
        given().header("X-Hearken-Tenant", tenant).queryParam("limit", 501).when().get("/v1/alerts")
                .then().statusCode(400).body("errors.field", contains("limit"));
    }

    /** Follows next as after, two a page, checking the Link header; raises a new alert after each of two pages. */
    private static List<String> walk(String tenant, String list) {
        List<String> seen = new ArrayList<>();
        String after = null;
        int page = 0;
        do {
            var request = given().header("X-Hearken-Tenant", tenant).queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            ExtractableResponse<Response> answer = request.when().get(list).then().statusCode(200).extract();
            seen.addAll(answer.jsonPath().getList("items.id", String.class));
            after = answer.jsonPath().getString("next");
            String link = answer.header("Link");
            if (after == null) {
                assertNull(link);
            } else {
                assertTrue(link.matches("<http://[^>]+" + list + "\\?limit=2&after=" + after + ">; rel=\"next\""),
                        link);
            }
            if (page++ < 2) {
                detractors(tenant, 1);
            }
        } while (after != null);
        return seen;
    }

    private static void detractors(String tenant, int count) {
        List<String[]> events = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String responseId = UUID.randomUUID().toString();
            events.add(new String[] {responseId, response(tenant, responseId, true, nps(1))});
        }
        publish(tenant, events);
    }
}
