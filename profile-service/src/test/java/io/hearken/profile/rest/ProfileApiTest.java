package io.hearken.profile.rest;

import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The profile API against the real PostgreSQL and Kafka: trust, merges, traits, consent, segments, erasure. */
@QuarkusTest
class ProfileApiTest {

    private static final String ADMIN = "admin:ops-1";

    static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String response(String tenant, String customerId, String email, boolean verified, int nps,
                           String stage, String submittedAt) {
        return """
                {"responseId": "%s", "surveyId": "survey-1", "surveyVersion": 1, "tenant": "%s", "channel": "email",
                 "language": "en", "journeyStage": "%s", "touchpoint": "delivery",
                 "respondent": {"customerId": %s, "email": %s, "verified": %s},
                 "answers": [{"questionId": "nps", "type": "NPS", "score": %d, "scaleMin": 0, "scaleMax": 10},
                             {"questionId": "csat", "type": "CSAT", "score": 4, "scaleMin": 1, "scaleMax": 5}],
                 "completed": true, "submittedAt": "%s"}
                """.formatted(UUID.randomUUID(), tenant, stage, quoted(customerId), quoted(email), verified, nps,
                submittedAt);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    void publish(String tenant, String json) {
        String id = json.substring(json.indexOf("\"responseId\": \"") + 15, json.indexOf("\", \"surveyId\""));
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            publisher.publish("hearken.responses", id, "hearken.response.submitted.v2", "survey-1", tenant, json);
        }
    }

    static String upsert(String tenant, String identitiesJson) {
        return given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", ADMIN)
                .contentType(ContentType.JSON).body("{\"identities\": " + identitiesJson + "}")
                .when().post("/v1/profiles")
                .then().statusCode(200).body("trust", equalTo("verified"))
                .extract().path("id");
    }

    @Test
    void aClaimedIdentityNeverPlantsAScoreOnAVerifiedCustomer() {
        String tenant = tenant();
        String real = upsert(tenant, "{\"customerId\": \"C-1001\", \"email\": \"mika@example.com\"}");

        // Someone types the real customer's CRM id next to their own email on a public form.
        publish(tenant, response(tenant, "C-1001", "evil@example.com", false, 0, "support", "2026-11-20T10:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", tenant).queryParam("email", "evil@example.com")
                        .when().get("/v1/profiles")
                        .then().statusCode(200)
                        .body("trust", equalTo("claimed"))
                        .body("id", not(equalTo(real)))
                        .body("possibleMatches", hasItem(real))
                        .body("timeline", hasSize(1)));
        given().header("X-Hearken-Tenant", tenant)
                .when().get("/v1/profiles/{id}", real)
                .then().statusCode(200)
                .body("timeline", hasSize(0))
                .body("computed.responseCount", equalTo(0))
                .body("identities.value", containsInAnyOrder("C-1001", "mika@example.com"))
                .body("identities.verified", containsInAnyOrder(true, true));
    }

    @Test
    void aVerifiedResponseJoinsTheCustomerAndProvesTwoProfilesOne() {
        String tenant = tenant();
        String byCrm = upsert(tenant, "{\"customerId\": \"C-2002\"}");
        String byEmail = upsert(tenant, "{\"email\": \"kenji@example.com\"}");

        // A signed invitation names both: they are one customer.
        publish(tenant, response(tenant, "C-2002", "kenji@example.com", true, 9, "purchase",
                "2026-11-21T10:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", tenant).redirects().follow(false)
                        .when().get("/v1/profiles/{id}", byEmail)
                        .then().statusCode(308)
                        .header("Location", endsWith("/v1/profiles/" + byCrm)));
        given().header("X-Hearken-Tenant", tenant)
                .when().get("/v1/profiles/{id}", byCrm)
                .then().statusCode(200)
                .body("identities.value", containsInAnyOrder("C-2002", "kenji@example.com"))
                .body("computed.responseCount", equalTo(1))
                .body("computed.lastNps", equalTo(9))
                .body("computed.averageCsat", equalTo(4.0f))
                .body("timeline[0].stage", equalTo("purchase"))
                .body("timeline[0].touchpoint", equalTo("delivery"));
    }

    @Test
    void anOperatorMergeKeepsTheMostRestrictiveConsentAndTheLatestTrait() {
        String tenant = tenant();
        String older = upsert(tenant, "{\"customerId\": \"C-3003\"}");
        String newer = upsert(tenant, "{\"email\": \"ana@example.com\"}");
        consent(tenant, older, "email", "surveys", "granted");
        consent(tenant, newer, "email", "surveys", "opted-out");
        traits(tenant, older, "{\"set\": {\"plan\": \"silver\"}}", 200);
        traits(tenant, newer, "{\"set\": {\"plan\": \"gold\", \"lifetimeValue\": 1200.5}}", 200);

        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", ADMIN)
                .contentType(ContentType.JSON).body("{\"profileId\": \"" + newer + "\"}")
                .when().post("/v1/profiles/{id}/merge", older)
                .then().statusCode(200)
                .body("id", equalTo(older))
                .body("traits.plan", equalTo("gold"))
                .body("traits.lifetimeValue", equalTo(1200.5f))
                .body("consent[0].status", equalTo("opted-out"))
                .body("identities.value", containsInAnyOrder("C-3003", "ana@example.com"));
        given().header("X-Hearken-Tenant", tenant).queryParam("customerId", "C-3003")
                .queryParam("channel", "email").queryParam("purpose", "surveys")
                .when().get("/v1/profiles/contact-check")
                .then().statusCode(200).body("allowed", equalTo(false)).body("reason", equalTo("opted-out"));
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", ADMIN)
                .contentType(ContentType.JSON).body("{\"profileId\": \"" + older + "\"}")
                .when().post("/v1/profiles/{id}/merge", older)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("profileId"));
        given().header("X-Hearken-Tenant", tenant)
                .when().get("/v1/profiles/{id}/consent", older)
                .then().statusCode(200).body("", hasSize(2)).body("actor", hasItem(ADMIN));
    }

    @Test
    void theContactCheckAnswersWhyNot() {
        String tenant = tenant();
        String id = upsert(tenant, "{\"customerId\": \"C-4004\"}");
        check(tenant, "C-4004", "email", "surveys", true, "implied");
        check(tenant, "C-4004", "sms", "marketing", false, "no-consent");
        consent(tenant, id, "sms", "marketing", "granted");
        check(tenant, "C-4004", "sms", "marketing", true, "consented");
        given().header("X-Hearken-Tenant", tenant).queryParam("customerId", "nobody")
                .queryParam("channel", "email").queryParam("purpose", "surveys")
                .when().get("/v1/profiles/contact-check").then().statusCode(404);
        given().header("X-Hearken-Tenant", tenant).queryParam("customerId", "C-4004")
                .queryParam("channel", "pigeon").queryParam("purpose", "surveys")
                .when().get("/v1/profiles/contact-check")
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));

        // One invitation sent this month reaches the default cap (1 per 30 days).
        String invitation = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            publisher.publish("hearken.invitations", invitation, "hearken.invitation.created.v1", "survey-1", tenant,
                    """
                    {"invitationId": "%s", "tenant": "%s", "surveyId": "survey-1", "campaignId": "c-1",
                     "channel": "email", "address": "c4004@example.com", "customerId": "C-4004", "locale": "en",
                     "hidden": {}, "status": "SCHEDULED", "createdAt": "%s", "expiresAt": "%s"}"""
                            .formatted(invitation, tenant, Instant.now(), Instant.now().plusSeconds(86400)));
            publisher.publish("hearken.invitations", invitation, "hearken.invitation.updated.v1", "survey-1", tenant,
                    """
                    {"invitationId": "%s", "tenant": "%s", "surveyId": "survey-1", "channel": "email",
                     "status": "SENT", "at": "%s"}""".formatted(invitation, tenant, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                check(tenant, "C-4004", "email", "surveys", false, "frequency-cap"));
        given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"maxContacts\": 3, \"perDays\": 30}")
                .when().put("/v1/profiles/contact-policy").then().statusCode(200);
        check(tenant, "C-4004", "email", "surveys", true, "implied");
        given().header("X-Hearken-Tenant", tenant).queryParam("customerId", "C-4004")
                .when().get("/v1/profiles")
                .then().body("identities.value", hasItem("c4004@example.com"))
                .body("timeline.type", hasItem("invitation.sent"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        String tenant = tenant();
        given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"identities\": {\"email\": \"not-an-email\", \"phone\": \"0901234\"}}")
                .when().post("/v1/profiles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("identities.email", "identities.phone"));
        String id = upsert(tenant, "{\"customerId\": \"C-5005\"}");
        traits(tenant, id, "{\"set\": {\"plan\": \"gold\", \"lifetimeValue\": \"lots\", \"shoeSize\": 42}}", 400)
                .body("errors.field", containsInAnyOrder("traits.lifetimeValue", "traits.shoeSize"));
        given().header("X-Hearken-Tenant", tenant).when().get("/v1/profiles/{id}", id)
                .then().body("traits.plan", nullValue());
        given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"type\": \"colour\"}")
                .when().put("/v1/profiles/traits/favouriteColour")
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"channel\": \"fax\", \"purpose\": \"surveys\", \"status\": \"granted\", \"source\": \"x\"}")
                .when().post("/v1/profiles/{id}/consent", id)
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        given().header("X-Hearken-Tenant", "other-tenant").when().get("/v1/profiles/{id}", id)
                .then().statusCode(404);
    }

    @Test
    void definedTraitsAndSegmentsSelectCustomers() {
        String tenant = tenant();
        given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"type\": \"boolean\", \"description\": \"key account\"}")
                .when().put("/v1/profiles/traits/keyAccount").then().statusCode(200);
        String detractor = upsert(tenant, "{\"customerId\": \"C-6006\"}");
        String promoter = upsert(tenant, "{\"customerId\": \"C-6007\"}");
        traits(tenant, detractor, "{\"set\": {\"plan\": \"gold\", \"keyAccount\": true}}", 200);
        traits(tenant, promoter, "{\"set\": {\"plan\": \"gold\"}}", 200);
        publish(tenant, response(tenant, "C-6006", null, true, 3, "support", Instant.now().toString()));
        publish(tenant, response(tenant, "C-6007", null, true, 10, "support", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", tenant).when().get("/v1/profiles/{id}", promoter)
                        .then().body("computed.responseCount", equalTo(1)));

        String segment = given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("""
                        {"name": "gold detractors in support", "rule": {"all": [
                          {"trait": "plan", "op": "eq", "value": "gold"},
                          {"timeline": {"kind": "response.submitted", "stage": "support", "scoreMax": 6,
                                        "withinDays": 90}}]}}""")
                .when().post("/v1/profiles/segments")
                .then().statusCode(201).body("members", equalTo(1)).extract().path("id");
        given().header("X-Hearken-Tenant", tenant)
                .when().get("/v1/profiles/segments/{id}/members", segment)
                .then().statusCode(200).body("items", containsInAnyOrder(detractor));
        given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"name\": \"key accounts\", \"rule\": {\"any\": [{\"trait\": \"keyAccount\", \"op\": \"eq\", "
                        + "\"value\": true}, {\"fact\": \"lastNps\", \"op\": \"gte\", \"value\": 9}]}}")
                .when().post("/v1/profiles/segments")
                .then().statusCode(201).body("members", equalTo(2));
        given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"name\": \"broken\", \"rule\": {\"all\": [{\"trait\": \"plan\", \"op\": \"near\", "
                        + "\"value\": 1}]}}")
                .when().post("/v1/profiles/segments")
                .then().statusCode(400).body("errors[0].field", equalTo("rule.all[0].op"));
    }

    @Test
    void theTimelinePagesWithoutACapAndFilters() {
        String tenant = tenant();
        String id = upsert(tenant, "{\"customerId\": \"C-7007\"}");
        for (int i = 0; i < 30; i++) {
            given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "partner:shop")
                    .contentType(ContentType.JSON)
                    .body("""
                            {"eventId": "order-%d", "type": "purchase", "identities": {"customerId": "C-7007"},
                             "channel": "%s", "stage": "purchase", "detail": "order %d",
                             "occurredAt": "2026-10-%02dT10:00:00Z"}""".formatted(i, i % 2 == 0 ? "web" : "store",
                            i, i + 1))
                    .when().post("/v1/profiles/events")
                    .then().statusCode(201);
        }
        given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"eventId\": \"order-0\", \"type\": \"purchase\", "
                        + "\"identities\": {\"customerId\": \"C-7007\"}}")
                .when().post("/v1/profiles/events").then().statusCode(200).body("status", equalTo("already-recorded"));

        String next = given().header("X-Hearken-Tenant", tenant).queryParam("limit", 25)
                .when().get("/v1/profiles/{id}/timeline", id)
                .then().statusCode(200).body("items", hasSize(25))
                .body("items[0].detail", equalTo("order 29"))
                .body("next", notNullValue()).extract().path("next");
        given().header("X-Hearken-Tenant", tenant).queryParam("limit", 25).queryParam("after", next)
                .when().get("/v1/profiles/{id}/timeline", id)
                .then().statusCode(200).body("items", hasSize(5))
                .body("items[4].detail", equalTo("order 0")).body("next", nullValue());
        // 'cursor', the parameter's older name, still pages the same way
        given().header("X-Hearken-Tenant", tenant).queryParam("limit", 25).queryParam("cursor", next)
                .when().get("/v1/profiles/{id}/timeline", id)
                .then().statusCode(200).body("items", hasSize(5));
        given().header("X-Hearken-Tenant", tenant).queryParam("channel", "store")
                .queryParam("from", "2026-10-20T00:00:00Z")
                .when().get("/v1/profiles/{id}/timeline", id)
                .then().statusCode(200).body("items.channel", hasSize(6))
                .body("items.channel", everyItem(equalTo("store")));
        given().header("X-Hearken-Tenant", tenant).when().get("/v1/profiles/{id}", id)
                .then().body("identities[0].source", equalTo("admin-api"))
                .body("computed.lastChannel", equalTo("store"));
    }

    @Test
    void searchFindsByAnyIdentityTraitOrSegment() {
        String tenant = tenant();
        String yui = upsert(tenant, "{\"customerId\": \"C-1111\", \"phone\": \"+81 90 1111 2222\"}");
        String ren = upsert(tenant, "{\"email\": \"ren@example.com\"}");
        traits(tenant, yui, "{\"set\": {\"region\": \"kanto\"}}", 200);
        traits(tenant, ren, "{\"set\": {\"region\": \"kansai\"}}", 200);

        given().header("X-Hearken-Tenant", tenant).queryParam("identity", "+81-90-1111-2222")
                .when().get("/v1/profiles/search")
                .then().statusCode(200).body("items.id", containsInAnyOrder(yui))
                .body("items[0].identities.verified", everyItem(equalTo(true)));
        given().header("X-Hearken-Tenant", tenant).queryParam("phone", "+81-90-1111-2222")
                .when().get("/v1/profiles/lookup")
                .then().statusCode(200).body("id", equalTo(yui)).body("trust", equalTo("verified"))
                .body("identities.value", containsInAnyOrder("C-1111", "+819011112222"));
        given().header("X-Hearken-Tenant", tenant).queryParam("customerId", "nobody")
                .when().get("/v1/profiles/lookup").then().statusCode(404);
        given().header("X-Hearken-Tenant", tenant).queryParam("phone", "12")
                .when().get("/v1/profiles/lookup")
                .then().statusCode(400).body("errors[0].field", equalTo("phone"));
        given().header("X-Hearken-Tenant", tenant).queryParam("identity", "REN@example.com")
                .when().get("/v1/profiles/search")
                .then().statusCode(200).body("items.id", containsInAnyOrder(ren));
        given().header("X-Hearken-Tenant", tenant).queryParam("trait", "region:kansai")
                .when().get("/v1/profiles/search")
                .then().statusCode(200).body("items.id", containsInAnyOrder(ren));
        String segment = given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"name\": \"kanto\", \"rule\": {\"trait\": \"region\", \"op\": \"eq\", "
                        + "\"value\": \"kanto\"}}")
                .when().post("/v1/profiles/segments").then().statusCode(201).extract().path("id");
        given().header("X-Hearken-Tenant", tenant).queryParam("segment", segment)
                .when().get("/v1/profiles/search")
                .then().statusCode(200).body("items.id", containsInAnyOrder(yui));
        given().header("X-Hearken-Tenant", tenant).queryParam("trait", "region:kanto").queryParam("limit", 1)
                .queryParam("identity", "ren@example.com")
                .when().get("/v1/profiles/search")
                .then().statusCode(200).body("items", hasSize(0));
        given().header("X-Hearken-Tenant", tenant).queryParam("trait", "shoeSize:4")
                .when().get("/v1/profiles/search")
                .then().statusCode(400).body("errors[0].field", equalTo("trait"));
        given().header("X-Hearken-Tenant", tenant)
                .when().get("/v1/profiles/search")
                .then().statusCode(400).body("errors[0].field", equalTo("identity"));
    }

    static ValidatableResponse traits(String tenant, String id, String body, int status) {
        return given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", ADMIN)
                .contentType(ContentType.JSON).body(body)
                .when().patch("/v1/profiles/{id}/traits", id)
                .then().statusCode(status);
    }

    private static void consent(String tenant, String id, String channel, String purpose, String status) {
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"channel\": \"%s\", \"purpose\": \"%s\", \"status\": \"%s\", ".formatted(channel, purpose,
                        status) + "\"source\": \"preference-centre\", \"wording\": \"May we ask about your orders?\"}")
                .when().post("/v1/profiles/{id}/consent", id)
                .then().statusCode(200);
    }

    private static void check(String tenant, String customerId, String channel, String purpose, boolean allowed,
                              String reason) {
        given().header("X-Hearken-Tenant", tenant).queryParam("customerId", customerId)
                .queryParam("channel", channel).queryParam("purpose", purpose)
                .when().get("/v1/profiles/contact-check")
                .then().statusCode(200).body("allowed", equalTo(allowed)).body("reason", equalTo(reason));
    }
}
