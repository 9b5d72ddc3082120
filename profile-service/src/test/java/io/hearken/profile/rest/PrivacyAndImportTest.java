package io.hearken.profile.rest;

import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.hearken.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Erasure (its event, receipts and what a late event may not do) and bulk import, against the real servers. */
@QuarkusTest
class PrivacyAndImportTest {

    @Test
    void anErasureForgetsTheCustomerAndTracksEveryService() {
        String tenant = ProfileApiTest.tenant();
        String email = "erase." + UUID.randomUUID() + "@example.com";
        String id = ProfileApiTest.upsert(tenant, "{\"customerId\": \"C-8008\", \"email\": \"" + email + "\"}");
        try (TopicProbe profiles = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), "hearken.profiles")) {
            String erasure = given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "admin:dpo")
                    .when().delete("/v1/profiles/{id}", id)
                    .then().statusCode(202)
                    .body("complete", equalTo(false))
                    .body("services.find { it.service == 'profile-service' }.status", equalTo("done"))
                    .body("services.find { it.service == 'survey-service' }.status", equalTo("pending"))
                    .extract().path("id");
            // Asking again answers the same erasure.
            given().header("X-Hearken-Tenant", tenant).when().delete("/v1/profiles/{id}", id)
                    .then().statusCode(202).body("id", equalTo(erasure));

            List<ConsumerRecord<String, String>> erased = profiles.await(record -> erasure.equals(
                    TopicProbe.header(record, "ce_id")), 1, Duration.ofSeconds(30));
            assertEquals("hearken.profile.erased.v1", TopicProbe.header(erased.get(0), "ce_type"));
            assertTrue(erased.get(0).value().contains(email), "names the identities other services must forget");

            try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
                for (String service : List.of("survey-service", "insight-service")) {
                    publisher.publish("hearken.profiles", erasure + ":" + service,
                            "hearken.profile.erasure.completed.v1", id, tenant, """
                            {"erasureId": "%s", "tenant": "%s", "profileId": "%s", "service": "%s",
                             "itemsErased": 3, "completedAt": "%s"}""".formatted(erasure, tenant, id, service,
                            Instant.now()));
                }
                // A late response of the erased customer, submitted before the erasure, makes no new profile...
                publisher.publish("hearken.responses", UUID.randomUUID().toString(),
                        "hearken.response.submitted.v2", "survey-1", tenant, ProfileApiTest.response(tenant,
                                "C-8008", email, true, 5, "support", Instant.now().minusSeconds(3600).toString()));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().header("X-Hearken-Tenant", tenant).when().get("/v1/profiles/erasures/{id}", erasure)
                            .then().statusCode(200)
                            .body("complete", equalTo(true))
                            .body("services.status", containsInAnyOrder("done", "done", "done")));
        }
        given().header("X-Hearken-Tenant", tenant).when().get("/v1/profiles/{id}", id)
                .then().statusCode(410).contentType("application/problem+json");
        given().header("X-Hearken-Tenant", tenant).queryParam("customerId", "C-8008")
                .queryParam("channel", "email").queryParam("purpose", "surveys")
                .when().get("/v1/profiles/contact-check")
                .then().statusCode(200).body("allowed", equalTo(false)).body("reason", equalTo("erased"));

        // ...while one submitted after it is a new contact: a new profile.
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            publisher.publish("hearken.responses", UUID.randomUUID().toString(), "hearken.response.submitted.v2",
                    "survey-1", tenant, ProfileApiTest.response(tenant, null, email, true, 8, "support",
                            Instant.now().plusSeconds(5).toString()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", tenant).queryParam("email", email)
                        .when().get("/v1/profiles")
                        .then().statusCode(200).body("id", not(equalTo(id)))
                        .body("computed.responseCount", equalTo(1)).body("computed.lastNps", equalTo(8)));
    }

    @Test
    void anExportIsWholeOrRefused() {
        String tenant = ProfileApiTest.tenant();
        String id = ProfileApiTest.upsert(tenant, "{\"customerId\": \"C-8100\"}");
        given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"eventId\": \"ticket-1\", \"type\": \"support.ticket\", "
                        + "\"identities\": {\"customerId\": \"C-8100\"}, \"detail\": \"late parcel\"}")
                .when().post("/v1/profiles/events").then().statusCode(201);
        given().header("X-Hearken-Tenant", tenant).when().get("/v1/profiles/{id}/export", id)
                .then().statusCode(200)
                .body("profile.identities[0].value", equalTo("C-8100"))
                .body("timeline[0].detail", equalTo("late parcel"))
                .body("responses", hasSize(0))
                .body("services.'insight-service'", containsString("no per-customer data"));

        // With a response to fetch and survey-service out of reach, the export is refused, not partial.
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            publisher.publish("hearken.responses", UUID.randomUUID().toString(), "hearken.response.submitted.v2",
                    "survey-1", tenant, ProfileApiTest.response(tenant, "C-8100", null, true, 9, "usage",
                            Instant.now().toString()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", tenant).when().get("/v1/profiles/{id}/export", id)
                        .then().statusCode(503).contentType("application/problem+json"));
    }

    @Test
    void anImportReportsEveryLineAndChangesNothingTheSecondTime() {
        String tenant = ProfileApiTest.tenant();
        String csv = """
                customerId,email,plan,lifetimeValue
                C-9001,yui@example.com,gold,1200
                C-9002,"ren@example.com",silver,not-a-number
                C-9003,not-an-email,bronze,10
                ,,gold,5
                C-9004,"broken,15
                """;
        given().header("X-Hearken-Tenant", tenant).contentType("text/csv").body(csv)
                .when().post("/v1/profiles/import")
                .then().statusCode(200)
                .body("imported", equalTo(1)).body("invalid", equalTo(4))
                .body("lines[1].errors[0]", containsString("lifetimeValue"))
                .body("lines[2].errors[0]", containsString("email"))
                .body("lines[3].errors[0]", containsString("no identity"))
                .body("lines[4].errors[0]", containsString("quoted"));
        given().header("X-Hearken-Tenant", tenant).contentType("text/csv").body(csv)
                .when().post("/v1/profiles/import")
                .then().statusCode(200).body("imported", equalTo(0)).body("unchanged", equalTo(1));
        given().header("X-Hearken-Tenant", tenant).queryParam("customerId", "C-9001")
                .when().get("/v1/profiles")
                .then().statusCode(200).body("traits.plan", equalTo("gold"))
                .body("traits.lifetimeValue", equalTo(1200))
                .body("identities.source", hasItem("import"));
        given().header("X-Hearken-Tenant", tenant).queryParam("customerId", "C-9002")
                .when().get("/v1/profiles").then().statusCode(404);

        String ndjson = "{\"customerId\": \"C-9001\", \"plan\": \"platinum\"}\n{not json\n";
        given().header("X-Hearken-Tenant", tenant).contentType("application/x-ndjson")
                .body(ndjson.getBytes())
                .when().post("/v1/profiles/import")
                .then().statusCode(200).body("imported", equalTo(1)).body("invalid", equalTo(1))
                .body("lines[1].line", equalTo(2));
        given().header("X-Hearken-Tenant", tenant).queryParam("customerId", "C-9001")
                .when().get("/v1/profiles").then().body("traits.plan", equalTo("platinum"));
    }
}
