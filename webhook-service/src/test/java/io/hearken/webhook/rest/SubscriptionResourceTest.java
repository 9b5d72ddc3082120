package io.hearken.webhook.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.hearken.webhook.rest.Webhooks.ADMIN;
import static io.hearken.webhook.rest.Webhooks.as;
import static io.hearken.webhook.rest.Webhooks.newTenant;
import static io.hearken.webhook.rest.Webhooks.subscribe;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subscription API's contract: what a subscription is when created, changed, rotated and deleted; every bad
 * input a 400 naming its field, with nothing stored; endpoints whose host leads to this machine, a private network
 * or a cloud's metadata service refused; another tenant's or another partner's subscription 404.
 */
@QuarkusTest
class SubscriptionResourceTest {

    @Test
    void createsASubscriptionWithAGeneratedSecretShownOnlyOnCreationAndOnRequest() {
        String tenant = newTenant();
        JsonPath created = as(tenant, ADMIN).body(Map.of("url", address("/hooks"), "eventTypes",
                        List.of("response.completed", "alert.raised"), "description", "CRM sync"))
                .when().post("/v1/webhooks/subscriptions")
                .then().statusCode(201).header("Location", containsString("/v1/webhooks/subscriptions/"))
                .body("secret", startsWith("whsec_")).body("status", equalTo("active"))
                .body("eventTypes", equalTo(List.of("alert.raised", "response.completed")))
                .extract().jsonPath();
        String id = created.getString("id");

        as(tenant, ADMIN).when().get("/v1/webhooks/subscriptions/" + id)
                .then().statusCode(200).body("secret", nullValue()).body("description", equalTo("CRM sync"));
        as(tenant, ADMIN).when().get("/v1/webhooks/subscriptions/" + id + "/secret")
                .then().statusCode(200).body("secret", equalTo(created.getString("secret")));
        as(tenant, ADMIN).when().get("/v1/webhooks/subscriptions")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void pagesWalkEverySubscriptionOnceWhileNewOnesAreCreated() {
        String tenant = newTenant();
        List<String> before = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            before.add(subscribe(tenant, address("/hooks/" + index), "response.completed").getString("id"));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int page = 0;
        do {
            var request = as(tenant, ADMIN).queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            ExtractableResponse<Response> answer = request.when().get("/v1/webhooks/subscriptions")
                    .then().statusCode(200).extract();
            seen.addAll(answer.jsonPath().getList("items.id", String.class));
            after = answer.jsonPath().getString("next");
            if (after == null) {
                assertNull(answer.header("Link"));
            } else {
                assertTrue(answer.header("Link").matches("<http://[^>]+/v1/webhooks/subscriptions\\?limit=2&after="
                        + after + ">; rel=\"next\""), answer.header("Link"));
            }
            if (page++ < 2) {
                subscribe(tenant, address("/hooks/new-" + page), "response.completed");
            }
        } while (after != null);
        assertEquals(new HashSet<>(seen).size(), seen.size(), "no subscription twice: " + seen);
        assertTrue(seen.containsAll(before), "every subscription there before the walk: " + seen);
        assertEquals(7, seen.size(), "oldest first: those created during the walk come at its end");
    }

    @Test
    void refusesABadLimitOrCursorNamingTheParameterAndReadsTheOldCursorName() {
        String tenant = newTenant();
        subscribe(tenant, address("/a"), "response.completed");
        String id = subscribe(tenant, address("/b"), "response.completed").getString("id");
        as(tenant, ADMIN).queryParam("limit", 501).when().get("/v1/webhooks/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        String subscriptionsCursor = as(tenant, ADMIN).queryParam("limit", 1).when()
                .get("/v1/webhooks/subscriptions").then().statusCode(200).extract().path("next");
        as(tenant, ADMIN).queryParam("after", subscriptionsCursor)
                .when().get("/v1/webhooks/subscriptions/" + id + "/messages")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
        // 'cursor', the deprecated name, is still read, and refused by the same rule
        as(tenant, ADMIN).queryParam("cursor", subscriptionsCursor)
                .when().get("/v1/webhooks/subscriptions/" + id + "/attempts")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
        as(tenant, ADMIN).when().get("/v1/webhooks/subscriptions/" + id + "/attempts")
                .then().statusCode(200).body("items", hasSize(0)).body("next", nullValue());
    }

    @Test
    void namesEveryFieldAtFaultAndStoresNothing() {
        String tenant = newTenant();
        as(tenant, ADMIN).body(Map.of("url", "ftp://example.com", "eventTypes", List.of("response.completed",
                        "response.deleted"), "secret", "not-a-secret", "description", "x".repeat(501)))
                .when().post("/v1/webhooks/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("url", "eventTypes[1]", "description", "secret")));
        as(tenant, ADMIN).body(Map.of("url", address("/x"), "eventTypes", List.of()))
                .when().post("/v1/webhooks/subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        as(tenant, ADMIN).when().get("/v1/webhooks/subscriptions").then().statusCode(200).body("items", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://[::1]/hook",
        "http://169.254.169.254/latest/meta-data", "http://10.0.0.1/hook", "http://localhost:9404/q/health",
        "http://[::ffff:127.0.0.1]/hook",
        "http://0.0.0.0/hook", "http://nowhere.invalid/hook"})
    void refusesEndpointsThatLeadToThisMachineAPrivateNetworkOrTheMetadataService(String url) {
        String tenant = newTenant();
        as(tenant, ADMIN).body(Map.of("url", url, "eventTypes", List.of("response.completed")))
                .when().post("/v1/webhooks/subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("not reachable"));
        String id = subscribe(tenant, address("/ok"), "response.completed").getString("id");
        as(tenant, ADMIN).body(Map.of("url", url)).when().patch("/v1/webhooks/subscriptions/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        as(tenant, ADMIN).when().get("/v1/webhooks/subscriptions/" + id)
                .then().statusCode(200).body("url", equalTo(address("/ok")));
    }

    @Test
    void aPartnerSeesOnlyItsOwnSubscriptionsAndAnotherTenantNone() {
        String tenant = newTenant();
        String partner = "partner:crm-connector";
        String mine = as(tenant, partner).body(Map.of("url", address("/p"), "eventTypes",
                        List.of("feedback.received")))
                .when().post("/v1/webhooks/subscriptions").then().statusCode(201).extract().path("id");
        String admins = subscribe(tenant, address("/a"), "response.completed").getString("id");

        as(tenant, partner).when().get("/v1/webhooks/subscriptions")
                .then().statusCode(200).body("items.id", equalTo(List.of(mine)));
        as(tenant, "partner:someone-else").when().get("/v1/webhooks/subscriptions/" + mine)
                .then().statusCode(404).contentType("application/problem+json");
        as(tenant, partner).when().get("/v1/webhooks/subscriptions/" + admins).then().statusCode(404);
        as(tenant, partner).when().delete("/v1/webhooks/subscriptions/" + admins).then().statusCode(404);
        as(tenant, ADMIN).when().get("/v1/webhooks/subscriptions")
                .then().statusCode(200).body("items.id", hasItem(mine)).body("items", hasSize(2));

        String other = newTenant();
        for (String path : List.of("", "/secret", "/messages", "/attempts")) {
            as(other, ADMIN).when().get("/v1/webhooks/subscriptions/" + mine + path).then().statusCode(404);
        }
        as(other, ADMIN).body(Map.of("enabled", false)).when().patch("/v1/webhooks/subscriptions/" + mine)
                .then().statusCode(404);
        as(tenant, partner).when().get("/v1/webhooks/subscriptions/" + mine)
                .then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void disablingByHandAndEnablingAgain() {
        String tenant = newTenant();
        String id = subscribe(tenant, address("/ok"), "response.completed").getString("id");
        as(tenant, ADMIN).body(Map.of("enabled", false)).when().patch("/v1/webhooks/subscriptions/" + id)
                .then().statusCode(200).body("status", equalTo("disabled")).body("disabledReason", equalTo("manual"));
        as(tenant, ADMIN).when().post("/v1/webhooks/subscriptions/" + id + "/test").then().statusCode(409);
        as(tenant, ADMIN).body(Map.of("enabled", true, "eventTypes", List.of("case.resolved")))
                .when().patch("/v1/webhooks/subscriptions/" + id)
                .then().statusCode(200).body("status", equalTo("active")).body("disabledReason", nullValue())
                .body("eventTypes", equalTo(List.of("case.resolved")));
    }

    @Test
    void rotatingKeepsThePreviousSecretSigningForTheOverlap() {
        String tenant = newTenant();
        JsonPath created = subscribe(tenant, address("/ok"), "response.completed");
        String id = created.getString("id");
        JsonPath rotated = as(tenant, ADMIN).body(Map.of("overlap", "PT1H"))
                .when().post("/v1/webhooks/subscriptions/" + id + "/secret/rotate")
                .then().statusCode(200).body("secret", startsWith("whsec_"))
                .body("previousSecretValidUntil", notNullValue()).extract().jsonPath();
        assertNotEquals(created.getString("secret"), rotated.getString("secret"));
        as(tenant, ADMIN).body(Map.of("overlap", "P30D"))
                .when().post("/v1/webhooks/subscriptions/" + id + "/secret/rotate")
                .then().statusCode(400).body("errors[0].field", equalTo("overlap"));
        as(tenant, ADMIN).body(Map.of("secret", "whsec_short"))
                .when().post("/v1/webhooks/subscriptions/" + id + "/secret/rotate")
                .then().statusCode(400).body("errors[0].field", equalTo("secret"));
    }

    @Test
    void listsTheEventTypesAndDeletesASubscription() {
        String tenant = newTenant();
        as(tenant, ADMIN).when().get("/v1/webhooks/event-types")
                .then().statusCode(200).body("items.name", hasItem("response.completed"))
                .body("items.name", hasItem("webhook.endpoint.disabled"));
        String id = subscribe(tenant, address("/ok"), "response.completed").getString("id");
        as(tenant, ADMIN).when().delete("/v1/webhooks/subscriptions/" + id).then().statusCode(204);
        as(tenant, ADMIN).when().get("/v1/webhooks/subscriptions/" + id).then().statusCode(404);
    }

    /** An address deliveries are allowed to in tests; nothing needs to listen there to subscribe it. */
    private static String address(String path) {
        return "http://" + LocalReceiver.HOST + ":9" + path;
    }
}
