package io.hearken.survey.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.survey.TestSurveys;
import io.hearken.testing.ConsumerProgress;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.InProcessMongoResource;
import io.hearken.testing.MailInbox;
import io.hearken.testing.TestInfrastructure;
import io.hearken.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A customer's erasure ({@code hearken.profile.erased.v1}) as survey-service applies it, on the real broker: their
 * earlier responses and invitations lose what identifies them (and say so), everyone else's and their own later ones
 * stay, a receipt with the count goes back on {@code hearken.profiles}; and whatever comes after the erasure (a
 * replay, a response of before it that arrives late, a store refilled from the topics) is kept anonymised.
 */
@QuarkusTest
class ErasureProjectionTest {

    private static final String TENANT = TestSurveys.TENANT;
    private static final String SURVEY = """
            {"name": "Delivery NPS", "publish": true, "title": {"en": "How was your delivery?"},
             "questions": [
               {"id": "store", "type": "HIDDEN"},
               {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Would you recommend us?"}},
               {"id": "reason", "type": "TEXT", "text": {"en": "Why?"}}]}
            """;


    @Inject
    EventConsumers consumers;

    private String surveyId;

    @BeforeEach
    void createSurvey() {
        ConsumerProgress.awaitCaughtUp(consumers);
        surveyId = given().contentType(ContentType.JSON).header("X-Hearken-Tenant", TENANT).body(SURVEY)
                .when().post("/v1/surveys")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anonymisesTheCustomersEarlierResponsesAndInvitationsAndSendsAReceipt() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "mika-" + unique + "@example.com";
        String customerId = "C-" + unique;
        String phone = randomPhone();
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", TENANT)
                .body(Map.of("channel", "email", "recipients", List.of(Map.of("customerId", customerId,
                        "email", email, "hidden", Map.of("store", "S-12")))))
                .when().post("/v1/surveys/{id}/invitations/batch", surveyId)
                .then().statusCode(202);
        String token = MailInbox.invitationTo(TestInfrastructure.mailApiUrl(), email, Duration.ofSeconds(30));
        String invited = submit(Map.of("channel", "web", "invitation", token,
                "answers", Map.of("nps", 9, "reason", "The driver, Mika's neighbour, was kind")));
        String claimed = submit(Map.of("channel", "chat", "context", Map.of("conversationId", "conv-" + unique),
                "respondent", Map.of("email", email.toUpperCase()),
                "answers", Map.of("nps", 3, "reason", "Mika here, call me back")));
        String byPhone = submit(Map.of("channel", "voice",
                "respondent", Map.of("phone", phone.substring(0, 3) + " " + phone.substring(3, 5) + "-"
                        + phone.substring(5, 9) + "-" + phone.substring(9)),
                "answers", Map.of("nps", 5)));
        String someoneElse = submit(Map.of("channel", "web",
                "respondent", Map.of("email", "ken-" + unique + "@example.com", "customerId", "K-" + unique),
                "answers", Map.of("nps", 10, "reason", "great")));
        awaitStoredCount(4);
        String invitationId = response(invited).getString("invitationId");

        String erasureId = UUID.randomUUID().toString();
        String profileId = "p-" + unique;
        String later;
        try (TopicProbe receipts = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.PROFILES);
             EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            publishErasure(publisher, erasureId, profileId, Instant.now(), Map.of("email", email, "phone", phone,
                    "customer_id", customerId));
            // After the erasure: a new contact, consented afresh, which stays as it is.
            later = submit(Map.of("channel", "web", "respondent", Map.of("email", email),
                    "answers", Map.of("nps", 8, "reason", "Back again")));

            ConsumerRecord<String, String> receipt = awaitReceipt(receipts, erasureId);
            assertEquals(profileId, receipt.key());
            JsonPath data = JsonPath.from(receipt.value());
            assertEquals(erasureId, data.getString("erasureId"));
            assertEquals(TENANT, data.getString("tenant"));
            assertEquals(profileId, data.getString("profileId"));
            assertEquals("survey-service", data.getString("service"));
            // Three responses (invited, claimed by email, by phone) and the invitation.
            assertEquals(4, data.getLong("itemsErased"));
        }

        JsonPath invitedNow = response(invited);
        assertAnonymisedBy(invitedNow, erasureId);
        assertEquals(9, invitedNow.getInt("answers.find { it.questionId == 'nps' }.score"));
        assertNull(invitedNow.get("answers.find { it.questionId == 'store' }.text"));
        assertNull(invitedNow.get("answers.find { it.questionId == 'reason' }.text"));
        JsonPath claimedNow = response(claimed);
        assertAnonymisedBy(claimedNow, erasureId);
        assertEquals(3, claimedNow.getInt("answers.find { it.questionId == 'nps' }.score"));
        assertNull(claimedNow.get("answers.find { it.questionId == 'reason' }.text"));
        assertNull(claimedNow.get("context"));
        assertAnonymisedBy(response(byPhone), erasureId);

        JsonPath other = response(someoneElse);
        assertEquals("ken-" + unique + "@example.com", other.getString("respondent.email"));
        assertEquals("K-" + unique, other.getString("respondent.customerId"));
        assertEquals("great", other.getString("answers.find { it.questionId == 'reason' }.text"));
        assertNull(other.get("erasure"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", TENANT)
                .when().get("/v1/surveys/{id}/responses/{responseId}", surveyId, later)
                .then().statusCode(200)
                .body("respondent.email", equalTo(email))
                .body("answers.find { it.questionId == 'reason' }.text", equalTo("Back again"))
                .body("erasure", nullValue()));

        given().header("X-Hearken-Tenant", TENANT)
                .when().get("/v1/surveys/{id}/invitations/{invitationId}", surveyId, invitationId)
                .then().statusCode(200)
                .body("customerId", nullValue())
                .body("erasure.erasureId", equalTo(erasureId));
    }

    @Test
    void whatComesAfterTheErasureIsKeptAnonymised() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "yuki-" + unique + "@example.com";
        String customerId = "C-" + unique;
        Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String stored = UUID.randomUUID().toString();
        String lateArrival = UUID.randomUUID().toString();
        String invitationId = UUID.randomUUID().toString();
        String erasureId = UUID.randomUUID().toString();
        try (TopicProbe receipts = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.PROFILES);
             EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            publishResponse(publisher, stored, email, erasedAt.minus(2, ChronoUnit.HOURS));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertEquals(email, response(stored).getString("respondent.email")));

            publishErasure(publisher, erasureId, "p-" + unique, erasedAt, Map.of("email", email,
                    "customer_id", customerId));
            assertEquals(1, JsonPath.from(awaitReceipt(receipts, erasureId).value()).getLong("itemsErased"));
            assertAnonymisedBy(response(stored), erasureId);

            // The stored response's event again (a replay), and one of before the erasure that arrives after it (a
            // kiosk's late upload, or the order topics replay in when the projection is rebuilt).
            publishResponse(publisher, stored, email, erasedAt.minus(2, ChronoUnit.HOURS));
            publishResponse(publisher, lateArrival, email, erasedAt.minus(1, ChronoUnit.HOURS));
            // An invitation made before the erasure whose turn to be sent comes after it.
            publisher.publish(Topics.INVITATIONS, invitationId, EventTypes.INVITATION_CREATED, surveyId, TENANT, """
                    {"invitationId": "%s", "tenant": "%s", "surveyId": "%s", "campaignId": "c-%s",
                     "channel": "email", "address": "%s", "customerId": "%s", "locale": "en",
                     "hidden": {"store": "S-7"}, "status": "SCHEDULED", "createdAt": "%s", "expiresAt": "%s",
                     "at": "%s"}
                    """.formatted(invitationId, TENANT, surveyId, unique, email, customerId,
                    erasedAt.minusSeconds(60), erasedAt.plus(1, ChronoUnit.DAYS), erasedAt.minusSeconds(60)));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", TENANT)
                .when().get("/v1/surveys/{id}/invitations/{invitationId}", surveyId, invitationId)
                .then().statusCode(200)
                .body("status", equalTo("SKIPPED"))
                .body("reason", equalTo("its customer was erased"))
                .body("customerId", nullValue())
                .body("erasure.erasureId", equalTo(erasureId)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", TENANT)
                        .when().get("/v1/surveys/{id}/responses/{responseId}", surveyId, lateArrival)
                        .then().statusCode(200));
        ConsumerProgress.awaitCaughtUp(consumers);
        assertAnonymisedBy(response(lateArrival), erasureId);
        assertAnonymisedBy(response(stored), erasureId);
        assertEquals(4, response(stored).getInt("answers.find { it.questionId == 'nps' }.score"));
    }

    @Test
    void anErasureOutlivesAStoreRefilledFromTheTopics() {
        String email = "aoi-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String responseId = submit(Map.of("channel", "kiosk", "respondent", Map.of("email", email),
                "answers", Map.of("nps", 2, "reason", "Aoi, table 4")));
        awaitStoredCount(1);
        String erasureId = UUID.randomUUID().toString();
        try (TopicProbe receipts = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.PROFILES);
             EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            publishErasure(publisher, erasureId, "p-" + erasureId, Instant.now(), Map.of("email", email));
            assertEquals(1, JsonPath.from(awaitReceipt(receipts, erasureId).value()).getLong("itemsErased"));
        }
        assertAnonymisedBy(response(responseId), erasureId);

        // Everything is refilled from the topics, which replay in no order across each other: the response may come
        // back before its erasure does, but must end up anonymised and stay so.
        InProcessMongoResource.crashLosingEverything();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertAnonymisedBy(response(responseId), erasureId));
        ConsumerProgress.awaitCaughtUp(consumers);
        assertAnonymisedBy(response(responseId), erasureId);
        assertEquals(2, response(responseId).getInt("answers.find { it.questionId == 'nps' }.score"));
    }

    private String submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).extract().path("id");
    }

    private void awaitStoredCount(int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-Hearken-Tenant", TENANT)
                .when().get("/v1/surveys/{id}/responses", surveyId)
                .then().statusCode(200).body("items", hasSize(count)));
    }

    private JsonPath response(String responseId) {
        return given().header("X-Hearken-Tenant", TENANT)
                .when().get("/v1/surveys/{id}/responses/{responseId}", surveyId, responseId)
                .then().statusCode(200).body("responseId", notNullValue())
                .extract().jsonPath();
    }

    private static void assertAnonymisedBy(JsonPath response, String erasureId) {
        assertEquals(erasureId, response.getString("erasure.erasureId"));
        assertNull(response.get("respondent.email"));
        assertNull(response.get("respondent.phone"));
        assertNull(response.get("respondent.customerId"));
        assertFalse(response.getBoolean("respondent.verified"));
    }

    private void publishErasure(EventPublisher publisher, String erasureId, String profileId, Instant erasedAt,
                                Map<String, String> identities) {
        String named = String.join(", ", identities.entrySet().stream()
                .map(identity -> "{\"kind\": \"%s\", \"value\": \"%s\"}".formatted(identity.getKey(),
                        identity.getValue()))
                .toList());
        // Keyed by the profile, as profile-service appends it (the publisher's id is also the record key).
        publisher.publish(Topics.PROFILES, profileId, EventTypes.PROFILE_ERASED, profileId, TENANT, """
                {"erasureId": "%s", "tenant": "%s", "profileId": "%s", "identities": [%s], "erasedAt": "%s"}
                """.formatted(erasureId, TENANT, profileId, named, erasedAt));
    }

    private void publishResponse(EventPublisher publisher, String responseId, String email, Instant submittedAt) {
        publisher.publish(Topics.RESPONSES, responseId, EventTypes.RESPONSE_SUBMITTED, surveyId, TENANT, """
                {"responseId": "%s", "surveyId": "%s", "surveyVersion": 1, "tenant": "%s", "channel": "kiosk",
                 "language": "en", "respondent": {"email": "%s", "verified": false},
                 "answers": [{"questionId": "nps", "type": "NPS", "score": 4, "scaleMin": 0, "scaleMax": 10},
                             {"questionId": "reason", "type": "TEXT", "text": "Yuki, room 12"}],
                 "completed": true, "submittedAt": "%s"}
                """.formatted(responseId, surveyId, TENANT, email, submittedAt));
    }

    private static ConsumerRecord<String, String> awaitReceipt(TopicProbe probe, String erasureId) {
        List<ConsumerRecord<String, String>> receipts = probe.await(record ->
                        EventTypes.PROFILE_ERASURE_COMPLETED.equals(TopicProbe.header(record, "ce_type"))
                                && (erasureId + ":survey-service").equals(TopicProbe.header(record, "ce_id")),
                1, Duration.ofSeconds(30));
        assertEquals(1, receipts.size(), "a receipt for erasure " + erasureId);
        return receipts.get(0);
    }

    private static String randomPhone() {
        return "+8190" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
    }
}
