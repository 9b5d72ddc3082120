package io.hearken.survey.rest;

import io.hearken.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Unsolicited feedback: taken in once per source and external id, each item judged on its own, readable back. */
@QuarkusTest
class FeedbackResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static Map<String, Object> review(String externalId, String text) {
        return Map.of("source", "app-store", "externalId", externalId, "author", "@mika", "rating", 2,
                "ratingMax", 5, "text", text, "url", "https://apps.example/review/" + externalId,
                "language", "ja", "postedAt", "2026-11-20T08:00:00Z");
    }

    @Test
    void anItemIsKeptOnceAndPublishedAsAnEvent() {
        String externalId = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, "hearken.feedback")) {
            String id = given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme")
                    .body(review(externalId, "アプリが重い"))
                    .when().post("/v1/feedback")
                    .then().statusCode(201).body("status", equalTo("created")).extract().path("id");
            given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme")
                    .body(review(externalId, "アプリが重い"))
                    .when().post("/v1/feedback")
                    .then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("duplicate"))
                    .body("changed", equalTo(false));
            given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme")
                    .body(review(externalId, "edited: still slow"))
                    .when().post("/v1/feedback")
                    .then().statusCode(200).body("changed", equalTo(true));
            List<ConsumerRecord<String, String>> records = probe.await(record -> id.equals(record.key()), 1,
                    Duration.ofSeconds(20));
            assertEquals("hearken.feedback.received.v1", TopicProbe.header(records.get(0), "ce_type"));
            assertEquals("acme", TopicProbe.header(records.get(0), "ce_tenant"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                    .when().get("/v1/feedback/{id}", id)
                    .then().statusCode(200)
                    .body("text", equalTo("アプリが重い"))
                    .body("rating", equalTo(2)));
            given().header("X-Hearken-Tenant", "globex").when().get("/v1/feedback/{id}", id)
                    .then().statusCode(404);
        }
    }

    @Test
    void aBackfillJudgesEachItemOnItsOwn() {
        String first = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme")
                .body(Map.of("items", List.of(
                        review(first, "Great"),
                        Map.of("source", "X!", "externalId", "1", "text", "bad source",
                                "postedAt", "2026-11-20T08:00:00Z"),
                        Map.of("source", "trustpilot", "externalId", "2", "rating", 6, "ratingMax", 5,
                                "postedAt", "2026-11-20T08:00:00Z"),
                        review(first, "Great"))))
                .when().post("/v1/feedback/batch")
                .then().statusCode(200)
                .body("kept", equalTo(1))
                .body("duplicates", equalTo(1))
                .body("refused", equalTo(2))
                .body("items[1].errors[0].field", equalTo("source"))
                .body("items[2].errors[0].field", equalTo("rating"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .queryParam("source", "app-store")
                .when().get("/v1/feedback")
                .then().statusCode(200).body("items.externalId", hasItem(first)));
        given().header("X-Hearken-Tenant", "globex").when().get("/v1/feedback")
                .then().statusCode(200).body("items.externalId", not(hasItem(first)));
    }

    @Test
    void anItemWithoutTextOrRatingOrTimeIsRefusedNamingTheFields() {
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme")
                .body(Map.of("source", "zendesk", "externalId", "T-1"))
                .when().post("/v1/feedback")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("text", "postedAt")));
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme")
                .body(Map.of("source", "zendesk", "externalId", "T-1", "text", "ok", "postedAt", "yesterday"))
                .when().post("/v1/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("postedAt"));
    }
}
