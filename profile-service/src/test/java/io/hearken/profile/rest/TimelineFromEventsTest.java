package io.hearken.profile.rest;

import io.hearken.testing.EventPublisher;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class TimelineFromEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String event(String responseId, String tenant, String email, String phone, String channel,
                                int score, String submittedAt) {
        return """
                {"responseId": "%s", "surveyId": "survey-1", "tenant": "%s", "channel": "%s", "language": "en",
                 "respondent": {"email": %s, "phone": %s},
                 "answers": [{"questionId": "nps", "type": "NPS", "score": %d},
                             {"questionId": "reason", "type": "TEXT", "text": "quick delivery"}],
                 "submittedAt": "%s"}
                """.formatted(responseId, tenant, channel, email == null ? "null" : "\"" + email + "\"",
                phone == null ? "null" : "\"" + phone + "\"", score, submittedAt);
    }

    private void publish(EventPublisher publisher, String id, String tenant, String json) {
        publisher.publish("hearken.responses", id, "hearken.response.submitted.v1", "survey-1", tenant, json);
    }

    @Test
    void createsProfileByEmailAndAppendsEachResponseOnce() {
        String email = "kenji." + UUID.randomUUID() + "@example.com";
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publish(publisher, first, "acme", event(first, "acme", email, null, "web", 9, "2026-11-20T10:00:00Z"));
            publish(publisher, second, "acme", event(second, "acme", email.toUpperCase(), null, "sms", 4,
                    "2026-11-21T10:00:00Z"));
            // A redelivered event must not appear twice.
            publish(publisher, first, "acme", event(first, "acme", email, null, "web", 9, "2026-11-20T10:00:00Z"));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").queryParam("email", email)
                        .when().get("/v1/profiles")
                        .then().statusCode(200)
                        .body("identities.value", hasItem(email))
                        .body("timeline", hasSize(2))
                        .body("timeline.responseId", containsInAnyOrder(first, second))
                        .body("timeline[0].channel", equalTo("sms"))
                        .body("timeline[0].score", equalTo(4))
                        .body("timeline[1].comment", equalTo("quick delivery")));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").queryParam("email", email)
                        .when().get("/v1/profiles")
                        .then().body("timeline", hasSize(2)));
    }

    @Test
    void keepsWhatRespondentsTypedOnOneClaimedProfile() {
        String email = "li." + UUID.randomUUID() + "@example.com";
        String phone = "+8190" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String web = UUID.randomUUID().toString();
        String kiosk = UUID.randomUUID().toString();
        String call = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publish(publisher, web, "acme", event(web, "acme", email, null, "web", 10, "2026-11-20T10:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").queryParam("email", email)
                        .when().get("/v1/profiles").then().statusCode(200));
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            // The kiosk names the known email and a new phone: both only typed, so they join the email's claimed
            // profile (never a verified one), and the call-centre answer with the phone finds it too.
            publish(publisher, kiosk, "acme", event(kiosk, "acme", email, phone, "kiosk", 8, "2026-11-21T10:00:00Z"));
            publish(publisher, call, "acme", event(call, "acme", null, phone, "call-centre", 6,
                    "2026-11-22T10:00:00Z"));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").queryParam("phone", phone)
                        .when().get("/v1/profiles")
                        .then().statusCode(200)
                        .body("trust", equalTo("claimed"))
                        .body("identities.kind", containsInAnyOrder("email", "phone"))
                        .body("identities.verified", containsInAnyOrder(false, false))
                        .body("identities.source", containsInAnyOrder("response-form", "response-form"))
                        .body("timeline.channel", containsInAnyOrder("web", "kiosk", "call-centre")));
    }

    @Test
    void createsAProfileWithEveryIdentityOfItsFirstResponse() {
        String email = "sam." + UUID.randomUUID() + "@example.com";
        String phone = "+4470" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String id = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publish(publisher, id, "acme", event(id, "acme", email, phone, "sms", 9, "2026-11-20T10:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").queryParam("phone", phone)
                        .when().get("/v1/profiles")
                        .then().statusCode(200)
                        .body("identities.kind", containsInAnyOrder("email", "phone"))
                        .body("timeline.responseId", containsInAnyOrder(id)));
    }

    @Test
    void skipsAnInvalidEventWithoutHoldingUpTheNextOne() {
        String email = "poison." + UUID.randomUUID() + "@example.com";
        String invalid = UUID.randomUUID().toString();
        String valid = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publish(publisher, invalid, "acme", event(invalid, "acme", email, null, "web", 42,
                    "2026-11-20T10:00:00Z"));
            publisher.publish("hearken.responses", UUID.randomUUID().toString(), "hearken.response.submitted.v1",
                    "survey-1", "acme", "{not json");
            publish(publisher, valid, "acme", event(valid, "acme", email, null, "web", 9, "2026-11-20T11:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").queryParam("email", email)
                        .when().get("/v1/profiles")
                        .then().statusCode(200)
                        .body("timeline.responseId", containsInAnyOrder(valid)));
    }

    @Test
    void feedbackWhoseAuthorIsAnEmailJoinsAClaimedTimeline() {
        String email = "reviewer." + UUID.randomUUID() + "@example.com";
        String feedbackId = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publisher.publish("hearken.feedback", feedbackId, "hearken.feedback.received.v1", "app-store/r-1", "acme",
                    """
                    {"feedbackId": "%s", "tenant": "acme", "source": "app-store", "externalId": "r-1",
                     "author": "%s", "rating": 1, "ratingMax": 5, "text": "crashes on start",
                     "postedAt": "2026-11-20T10:00:00Z", "receivedAt": "2026-11-20T10:05:00Z"}
                    """.formatted(feedbackId, email.toUpperCase()));
            // A screen name is no identity: nothing is recorded for it.
            publisher.publish("hearken.feedback", UUID.randomUUID().toString(), "hearken.feedback.received.v1",
                    "app-store/r-2", "acme", """
                    {"feedbackId": "%s", "tenant": "acme", "source": "app-store", "externalId": "r-2",
                     "author": "happy_cat_42", "text": "love it", "postedAt": "2026-11-20T10:00:00Z",
                     "receivedAt": "2026-11-20T10:05:00Z"}
                    """.formatted(UUID.randomUUID()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").queryParam("email", email)
                        .when().get("/v1/profiles")
                        .then().statusCode(200)
                        .body("trust", equalTo("claimed"))
                        .body("identities[0].source", equalTo("feedback"))
                        .body("timeline[0].type", equalTo("feedback.received"))
                        .body("timeline[0].channel", equalTo("app-store"))
                        .body("timeline[0].comment", equalTo("crashes on start"))
                        .body("timeline[0].detail", equalTo("1/5"))
                        .body("computed.responseCount", equalTo(0)));
    }

    @Test
    void profilesAreSeparatedByTenant() {
        String email = "ana." + UUID.randomUUID() + "@example.com";
        String id = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publish(publisher, id, "acme", event(id, "acme", email, null, "chat", 7, "2026-11-20T10:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").queryParam("email", email)
                        .when().get("/v1/profiles").then().statusCode(200));
        given().header("X-Hearken-Tenant", "globex").queryParam("email", email)
                .when().get("/v1/profiles")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownProfileIdIs404AndMalformedIdIs4xxProblem() {
        given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/profiles/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/profiles/{id}", "not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anIdentityNoStoreCanHoldIsRefusedNamingTheParameter() {
        // Before, U+0000 reached PostgreSQL and came back as a 500.
        given().header("X-Hearken-Tenant", "acme").urlEncodingEnabled(false).queryParam("email", "mika%00@example.com")
                .when().get("/v1/profiles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"))
                .body("errors[0].message", containsString("U+0000"));
    }

    @Test
    void findWithoutIdentityIsValidationProblem() {
        given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/profiles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"));
    }
}
