package io.hearken.survey.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.survey.TestSurveys;
import io.hearken.testing.ConsumerProgress;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.hearken.testing.ObservabilityContract.onManagementPort;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The projector against records it can never project (on either topic): each is dead-lettered, the next response
 * is stored, the metric counts them, and a tenant admin sees and redrives them through the API.
 */
@QuarkusTest
class ProjectorFaultsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry metrics;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    EventConsumers consumers;

    @BeforeEach
    void letTheProjectorCatchUp() {
        ConsumerProgress.awaitCaughtUp(consumers);
    }

    private double deadLettered() {
        return ConsumerProgress.count(metrics, "hearken.events.dead.lettered", Projector.CONSUMER);
    }

    @Test
    void deadLettersWhatItCanNeverProjectAndStoresTheNextResponse() {
        String surveyId = TestSurveys.createNpsSurvey(TestSurveys.TENANT);
        String notJson = UUID.randomUUID().toString();
        String unknownVersion = UUID.randomUUID().toString();
        String badSurvey = UUID.randomUUID().toString();
        String timelessSurvey = UUID.randomUUID().toString();
        double before = deadLettered();
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, "hearken.dead-letters");
             EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publisher.publish("hearken.responses", notJson, "hearken.response.submitted.v1", surveyId, "acme",
                    "\u00ff\u00fe not json");
            publisher.publish("hearken.responses", unknownVersion, "hearken.response.submitted.v9", surveyId, "acme",
                    "{\"responseId\": \"" + unknownVersion + "\"}");
            publisher.publish("hearken.surveys", badSurvey, "hearken.survey.published.v1", badSurvey, "acme",
                    "{\"name\": \"a survey without id or tenant\"}");
            // Written by no survey-service (it always sets the times): once, it held the projector up for good.
            publisher.publish("hearken.surveys", timelessSurvey, "hearken.survey.changed.v1", timelessSurvey, "acme",
                    "{\"id\": \"" + timelessSurvey + "\", \"tenant\": \"acme\", \"status\": \"ACTIVE\"}");
            String valid = given().contentType(ContentType.JSON)
                    .body("{\"channel\": \"web\", \"answers\": {\"nps\": 10}}")
                    .when().post("/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(202).extract().path("id");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses", surveyId)
                            .then().statusCode(200).body("items.responseId", hasItem(valid)));
            List<ConsumerRecord<String, String>> letters = probe.await(record ->
                    Projector.CONSUMER.equals(TopicProbe.header(record, "hearken-dl-consumer"))
                            && Set.of(notJson, unknownVersion, badSurvey, timelessSurvey)
                            .contains(TopicProbe.header(record, "ce_id")),
                    4, Duration.ofSeconds(30));
            assertEquals(4, letters.size());
        }
        assertEquals(before + 4, deadLettered(), 0.001);

        // A tenant admin lists them (another tenant sees none of them) and hands one back.
        given().header("X-Hearken-Tenant", "acme").queryParam("consumer", Projector.CONSUMER)
                .when().get("/v1/admin/dead-letters")
                .then().statusCode(200)
                .body("findAll { it.eventId == '" + notJson + "' }", hasSize(1))
                .body("find { it.eventId == '" + notJson + "' }.topic", equalTo("hearken.responses"))
                .body("find { it.eventId == '" + notJson + "' }.tenant", equalTo("acme"));
        given().header("X-Hearken-Tenant", "globex").when().get("/v1/admin/dead-letters")
                .then().statusCode(200)
                .body("findAll { it.eventId == '" + notJson + "' }", hasSize(0));
        String id = given().header("X-Hearken-Tenant", "acme").queryParam("consumer", Projector.CONSUMER)
                .when().get("/v1/admin/dead-letters")
                .then().extract().path("find { it.eventId == '" + notJson + "' }.id");
        given().header("X-Hearken-Tenant", "acme").contentType(ContentType.JSON)
                .body("{\"ids\": [\"" + id + "\"]}")
                .when().post("/v1/admin/dead-letters/redrive")
                .then().statusCode(202)
                .body("redriven", equalTo(1));
        given().header("X-Hearken-Tenant", "acme").queryParam("consumer", Projector.CONSUMER)
                .when().get("/v1/admin/dead-letters")
                .then().body("find { it.id == '" + id + "' }.redrivenAt", notNullValue());

        // The operator's view spans tenants, on the management port only.
        onManagementPort(management).queryParam("consumer", Projector.CONSUMER).when().get("/q/dead-letters")
                .then().statusCode(200)
                .body("find { it.eventId == '" + unknownVersion + "' }.tenant", equalTo("acme"));
        onManagementPort(management).queryParam("format", "text").when().get("/q/dead-letters")
                .then().statusCode(200)
                .body(containsString("tenant acme, consumer survey-projector:"))
                .body(containsString(badSurvey));
        given().when().get("/q/dead-letters").then().statusCode(404);
    }

    @Test
    void redriveRefusesAnUnknownPropertyAndListingNeedsTheGatewaysCredential() {
        given().header("X-Hearken-Tenant", "acme").contentType(ContentType.JSON)
                .body("{\"idz\": []}")
                .when().post("/v1/admin/dead-letters/redrive")
                .then().statusCode(400).body("errors[0].field", equalTo("idz"));
        given().when().get("/v1/admin/dead-letters").then().statusCode(401);
    }
}
