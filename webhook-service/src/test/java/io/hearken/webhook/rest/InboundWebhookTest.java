package io.hearken.webhook.rest;

import io.hearken.common.security.GatewayCredentials;
import io.hearken.webhook.StandardWebhooksLibrary;
import io.hearken.webhook.SurveyServiceStandIn;
import io.hearken.webhook.domain.WebhookSecret;
import io.hearken.webhook.domain.WebhookSignature;
import io.hearken.webhook.service.InboundMessageSweep;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.hearken.webhook.rest.InboundFixtures.post;
import static io.hearken.webhook.rest.InboundFixtures.postAt;
import static io.hearken.webhook.rest.InboundFixtures.review;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InboundWebhookTest {

    private static final String PARTNER = "partner:acme-reviews";
    private static final String SIGNATURE_PROBLEM = "https://hearken.io/problems/webhook-signature";
    private static final String TIMESTAMP_PROBLEM = "https://hearken.io/problems/webhook-timestamp";

    @SurveyServiceStandIn.Inject
    SurveyServiceStandIn survey;

    @Inject
    InboundMessageSweep sweep;

    private String tenant;
    private InboundFixtures.Source source;

    @BeforeEach
    void registerASource() {
        tenant = InboundFixtures.newTenant();
        source = InboundFixtures.register(tenant, PARTNER);
    }

    @AfterEach
    void surveyServiceIsWellAgain() {
        survey.failing(false);
        survey.comeBack();
    }

    @Test
    void takesInASignedMessageAndForwardsItAsTheSourcesTenantAndPartner() {
        String messageId = InboundFixtures.newMessageId();
        post(source, messageId, review("review-1", "Great support, très bien 👍"), source.secret())
                .statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("accepted"))
                .body("feedbackId", notNullValue());
        List<SurveyServiceStandIn.Received> received = survey.receivedWithExternalId("review-1");
        assertEquals(1, received.size());
        SurveyServiceStandIn.Received forwarded = received.get(0);
        assertEquals(tenant, forwarded.tenant());
        assertEquals("partner:" + source.id(), forwarded.caller());
        assertEquals(source.name(), forwarded.feedback().getString("source"));
        assertEquals("Great support, très bien 👍", forwarded.feedback().getString("text"));
        assertEquals(4, forwarded.feedback().getInteger("rating"));
        assertEquals("2026-01-05T10:00:00Z", forwarded.feedback().getString("postedAt"));
    }

    @Test
    void takesInAMessageSignedByTheOfficialLibrary() {
        StandardWebhooksLibrary.requireInstalled();
        String messageId = InboundFixtures.newMessageId();
        long timestamp = Instant.now().getEpochSecond();
        String body = review("signed-by-the-library", "Signé, 署名済み");
        String signature = StandardWebhooksLibrary.sign(source.secret(), messageId, timestamp, body);
        given().header("webhook-id", messageId).header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature).contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(source.path())
                .then().statusCode(200).body("status", equalTo("accepted"));
        assertEquals("Signé, 署名済み",
                survey.receivedWithExternalId("signed-by-the-library").get(0).feedback().getString("text"));
    }

    @Test
    void theSourceIsTheSourcesNameWhateverTheBodySaysAndTheExternalIdDefaultsToTheMessageId() {
        String messageId = InboundFixtures.newMessageId();
        String body = "{\"source\": \"someone-elses-source\", \"rating\": 1, \"ratingMax\": 5, "
                + "\"postedAt\": \"2026-01-05T10:00:00Z\"}";
        post(source, messageId, body, source.secret()).statusCode(200).body("status", equalTo("accepted"));
        List<SurveyServiceStandIn.Received> received = survey.receivedWithExternalId(messageId);
        assertEquals(1, received.size());
        assertEquals(source.name(), received.get(0).feedback().getString("source"));
    }

    @Test
    void aReplayedMessageIsADuplicateAndIsNotForwardedAgain() {
        String messageId = InboundFixtures.newMessageId();
        String body = review("review-replayed", "Replayed");
        String feedbackId = post(source, messageId, body, source.secret())
                .statusCode(200).body("status", equalTo("accepted")).extract().path("feedbackId");
        // The same request again (a replay, or the partner's retry after losing our answer), and re-signed
        long timestamp = Instant.now().getEpochSecond();
        for (int i = 0; i < 2; i++) {
            postAt(source.path(), messageId, timestamp, body, source.secret())
                    .statusCode(200)
                    .body("status", equalTo("duplicate"))
                    .body("feedbackId", equalTo(feedbackId));
        }
        post(source, messageId, body, source.secret()).statusCode(200).body("status", equalTo("duplicate"));
        assertEquals(1, survey.receivedWithExternalId("review-replayed").size());
    }

    @Test
    void aMessageIdIsOnlyRememberedPerSource() {
        InboundFixtures.Source another = InboundFixtures.register(tenant, PARTNER);
        String messageId = InboundFixtures.newMessageId();
        post(source, messageId, review("per-source", "One"), source.secret()).statusCode(200)
                .body("status", equalTo("accepted"));
        post(another, messageId, review("per-source", "One"), another.secret()).statusCode(200)
                .body("status", equalTo("accepted"));
        assertEquals(2, survey.receivedWithExternalId("per-source").size());
    }

    @Test
    void aMessageSignedWithAnotherSecretIs401AndNotForwarded() {
        String messageId = InboundFixtures.newMessageId();
        post(source, messageId, review("wrong-secret", "x"), WebhookSecret.generate())
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Standard-Webhooks"))
                .body("type", equalTo(SIGNATURE_PROBLEM))
                .body("detail", not(containsString("Exception")));
        assertTrue(survey.receivedWithExternalId("wrong-secret").isEmpty());
    }

    @Test
    void aTamperedBodyIs401() {
        String messageId = InboundFixtures.newMessageId();
        long timestamp = Instant.now().getEpochSecond();
        String signed = review("tampered", "Terrible");
        String signature = WebhookSignature.sign(source.secret(), messageId, timestamp,
                signed);
        given().header("webhook-id", messageId).header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature).contentType("application/json")
                .body(review("tampered", "Terrific"))
                .when().post(source.path())
                .then().statusCode(401).body("type", equalTo(SIGNATURE_PROBLEM));
        // The same signature under another id or timestamp does not verify either
        given().header("webhook-id", messageId + "x").header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature).contentType("application/json").body(signed)
                .when().post(source.path())
                .then().statusCode(401).body("type", equalTo(SIGNATURE_PROBLEM));
        given().header("webhook-id", messageId).header("webhook-timestamp", String.valueOf(timestamp - 1))
                .header("webhook-signature", signature).contentType("application/json").body(signed)
                .when().post(source.path())
                .then().statusCode(401).body("type", equalTo(SIGNATURE_PROBLEM));
        assertTrue(survey.receivedWithExternalId("tampered").isEmpty());
    }

    @Test
    void aStaleOrFutureTimestampIs401EvenWithAGoodSignature() {
        long now = Instant.now().getEpochSecond();
        for (long timestamp : new long[] {now - 301 - 5, now + 301 + 5, 0}) {
            postAt(source.path(), InboundFixtures.newMessageId(), timestamp, review("stale", "x"), source.secret())
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo(TIMESTAMP_PROBLEM));
        }
        postAt(source.path(), InboundFixtures.newMessageId(), now - 240, review("nearly-stale", "x"),
                source.secret()).statusCode(200);
        assertTrue(survey.receivedWithExternalId("stale").isEmpty());
    }

    @Test
    void aMessageMissingAHeaderIs401() {
        String messageId = InboundFixtures.newMessageId();
        String body = review("headless", "x");
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = WebhookSignature.sign(source.secret(), messageId,
                Long.parseLong(timestamp), body);
        String[][] headerSets = {
                {"webhook-timestamp", timestamp, "webhook-signature", signature},
                {"webhook-id", messageId, "webhook-signature", signature},
                {"webhook-id", messageId, "webhook-timestamp", timestamp},
                {}};
        for (String[] headers : headerSets) {
            var request = given().contentType("application/json").body(body);
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            request.when().post(source.path())
                    .then().statusCode(401).body("type", equalTo(SIGNATURE_PROBLEM));
        }
        assertTrue(survey.receivedWithExternalId("headless").isEmpty());
    }

    @Test
    void anUnknownSourceIsRefusedLikeABadSignature() {
        String body = review("unknown", "x");
        for (String path : new String[] {"/v1/public/inbound/src_aaaaaaaaaaaaaaaaaaaaaaaaaa",
                "/v1/public/inbound/not-a-source"}) {
            postAt(path, InboundFixtures.newMessageId(), Instant.now().getEpochSecond(), body, source.secret())
                    .statusCode(401)
                    .body("type", equalTo(SIGNATURE_PROBLEM))
                    .header("WWW-Authenticate", containsString("Standard-Webhooks"));
        }
        // ...with the very same answer a real source gives to a wrong signature
        String unknown = postAt("/v1/public/inbound/src_aaaaaaaaaaaaaaaaaaaaaaaaaa", "msg_1",
                Instant.now().getEpochSecond(), body, source.secret()).extract().asString();
        String wrong = postAt(source.path(), "msg_1", Instant.now().getEpochSecond(), body,
                WebhookSecret.generate()).extract().asString();
        assertEquals(wrong, unknown);
        assertTrue(survey.receivedWithExternalId("unknown").isEmpty());
    }

    @Test
    void bothSecretsVerifyDuringARotationsOverlapAndTheOldOneNotAfter() throws InterruptedException {
        WebhookSecret old = source.secret();
        WebhookSecret rotated = WebhookSecret.parse(given().header("X-Hearken-Tenant", tenant)
                .header("X-Hearken-Caller", PARTNER).contentType("application/json").body("{\"overlap\": \"PT3S\"}")
                .when().post(InboundFixtures.SOURCES + "/" + source.id() + "/secret/rotate")
                .then().statusCode(200).extract().<String>path("secret"));
        post(source, InboundFixtures.newMessageId(), review("rotation-old", "x"), old).statusCode(200);
        post(source, InboundFixtures.newMessageId(), review("rotation-new", "x"), rotated).statusCode(200);
        // A partner mid-switch signs with both
        post(source, InboundFixtures.newMessageId(), review("rotation-both", "x"), old, rotated).statusCode(200);

        Thread.sleep(Duration.ofSeconds(4).toMillis());
        post(source, InboundFixtures.newMessageId(), review("rotation-old-late", "x"), old)
                .statusCode(401).body("type", equalTo(SIGNATURE_PROBLEM));
        post(source, InboundFixtures.newMessageId(), review("rotation-new-late", "x"), rotated).statusCode(200);
        post(source, InboundFixtures.newMessageId(), review("rotation-both-late", "x"), old, rotated)
                .statusCode(200);
        assertTrue(survey.receivedWithExternalId("rotation-old-late").isEmpty());
    }

    @Test
    void aRotationWithoutOverlapRetiresTheOldSecretAtOnce() {
        WebhookSecret old = source.secret();
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .contentType("application/json").body("{\"overlap\": \"PT0S\"}")
                .when().post(InboundFixtures.SOURCES + "/" + source.id() + "/secret/rotate")
                .then().statusCode(200);
        post(source, InboundFixtures.newMessageId(), review("retired", "x"), old).statusCode(401);
    }

    @Test
    void whenSurveyServiceIsDownThePartnerIsToldToRetryAndTheRetrySucceedsLater() {
        String messageId = InboundFixtures.newMessageId();
        String body = review("while-down", "Sent while survey-service was down");
        survey.goDown();
        post(source, messageId, body, source.secret())
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo("https://hearken.io/problems/unavailable"));
        survey.comeBack();
        // Not recorded as accepted: the partner's retry under the same id goes through
        post(source, messageId, body, source.secret()).statusCode(200).body("status", equalTo("accepted"));
        post(source, messageId, body, source.secret()).statusCode(200).body("status", equalTo("duplicate"));
        assertEquals(1, survey.receivedWithExternalId("while-down").size());
    }

    @Test
    void whenSurveyServiceFailsThePartnerIsToldToRetry() {
        String messageId = InboundFixtures.newMessageId();
        String body = review("while-failing", "x");
        survey.failing(true);
        post(source, messageId, body, source.secret())
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://hearken.io/problems/unavailable"));
        survey.failing(false);
        post(source, messageId, body, source.secret()).statusCode(200).body("status", equalTo("accepted"));
    }

    @Test
    void feedbackSurveyServiceRefusesIs400NamingTheFieldAndCanBeCorrectedUnderTheSameId() {
        String messageId = InboundFixtures.newMessageId();
        String incomplete = "{\"externalId\": \"incomplete\", \"postedAt\": \"2026-01-05T10:00:00Z\"}";
        post(source, messageId, incomplete, source.secret())
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/validation"))
                .body("errors.field", hasItem("text"));
        post(source, messageId, review("incomplete", "Now with text"), source.secret())
                .statusCode(200).body("status", equalTo("accepted"));
    }

    @Test
    void aBodyThatIsNotTheFeedbackIs400NamingWhyAndNothingIsForwarded() {
        post(source, InboundFixtures.newMessageId(), "{\"externalId\": \"typo\", \"txet\": \"x\"}", source.secret())
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("txet"));
        post(source, InboundFixtures.newMessageId(), "{\"externalId\": \"typo\", \"rating\": \"four\"}",
                source.secret())
                .statusCode(400)
                .body("errors[0].field", equalTo("rating"));
        post(source, InboundFixtures.newMessageId(), "{\"externalId\": \"typo\", ", source.secret())
                .statusCode(400)
                .body("type", equalTo("https://hearken.io/problems/malformed-json"));
        post(source, InboundFixtures.newMessageId(), "", source.secret())
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        post(source, InboundFixtures.newMessageId(), "[]", source.secret()).statusCode(400);
        assertTrue(survey.receivedWithExternalId("typo").isEmpty());
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = review("big", "x".repeat(70 * 1024));
        post(source, InboundFixtures.newMessageId(), big, source.secret())
                .statusCode(413)
                .contentType("application/problem+json");
        // Sent without a Content-Length (chunked), it is read, then refused all the same
        String messageId = InboundFixtures.newMessageId();
        long timestamp = Instant.now().getEpochSecond();
        Config config = ConfigProvider.getConfig();
        String credential = new GatewayCredentials(config.getValue("hearken.credential.key", String.class),
                Duration.ofSeconds(60), Clock.systemUTC()).signForRespondent("webhook-service", source.path());
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + source.path()))
                .header(GatewayCredentials.HEADER, credential)
                .header("webhook-id", messageId).header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", WebhookSignature.sign(source.secret(), messageId, timestamp, big))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("payload-too-large"), answer.body());
        assertTrue(survey.receivedWithExternalId("big").isEmpty());
    }

    @Test
    void aForgottenMessageIdIsForwardedAgainAndSurveyServiceKeepsItOnce() {
        String messageId = InboundFixtures.newMessageId();
        String body = review("swept", "x");
        String feedbackId = post(source, messageId, body, source.secret()).statusCode(200)
                .extract().path("feedbackId");
        // Within the window the id is kept
        assertEquals(0, sweep.sweep(Instant.now()).await().atMost(Duration.ofSeconds(10)));
        post(source, messageId, body, source.secret()).statusCode(200).body("status", equalTo("duplicate"));
        // After it, forgotten: a late retry is forwarded again, and survey-service knows the item
        assertTrue(sweep.sweep(Instant.now().plus(sweep.window()).plusSeconds(1))
                .await().atMost(Duration.ofSeconds(10)) >= 1);
        post(source, messageId, body, source.secret()).statusCode(200)
                .body("status", equalTo("accepted"))
                .body("feedbackId", equalTo(feedbackId));
        assertEquals(2, survey.receivedWithExternalId("swept").size());
    }
}
