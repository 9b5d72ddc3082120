package io.hearken.e2e;

import io.hearken.testing.KeycloakTokens;
import io.hearken.testing.MailInbox;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * Every capture channel through the gateway, with real tokens, the real mail server and the SMS provider stand-in:
 * kiosk uploads, a voice call's score with its context, a partner's review, an email invitation answered once, and
 * an SMS invitation answered by a signed text reply.
 */
class ChannelsIT {

    private static final String SURVEY = """
            {"name": "E2E channels", "publish": true, "title": {"en": "How did we do?", "ja": "いかがでしたか?"},
             "languages": ["en", "ja"],
             "questions": [
               {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend us?", "ja": "薦めますか?"}},
               {"id": "reason", "type": "TEXT", "text": {"en": "Why?", "ja": "理由は?"}}]}
            """;
    /** The public URL survey-service is configured with for SMS replies: the provider signs it. */
    private static final String SMS_INBOUND_URL = "http://localhost:8080/api/v1/public/sms/inbound";

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    private String survey(String admin) {
        return given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON).body(SURVEY)
                .when().post("/api/v1/surveys")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void kioskVoiceAndFeedbackArriveThroughTheGateway() {
        String admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
        String surveyId = survey(admin);
        String batch = "{\"answers\": {\"nps\": 9}, \"answeredAt\": \"" + Instant.now().minusSeconds(7200) + "\"}\n"
                + "{\"answers\": {\"nps\": 3, \"reason\": \"queue\"}}\n";
        given().baseUri(platform.gatewayUrl).contentType("application/x-ndjson")
                .body(batch.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/public/surveys/{id}/responses/batch", surveyId)
                .then().statusCode(200).body("kept", equalTo(2));
        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body(Map.of("channel", "voice", "answers", Map.of("nps", 6),
                        "context", Map.of("callId", "call-7", "queue", "billing")))
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202);

        String partner = KeycloakTokens.forClient(platform.keycloakUrl, "hearken-partner-acme", "partner-secret-acme");
        String review = UUID.randomUUID().toString();
        given().baseUri(platform.gatewayUrl).auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("source", "app-store", "externalId", review, "rating", 1, "ratingMax", 5,
                        "text", "Crashes on start", "postedAt", "2026-11-20T08:00:00Z"))
                .when().post("/api/v1/feedback")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                    .when().get("/api/v1/surveys/{id}/responses", surveyId)
                    .then().statusCode(200).header("X-Total-Count", "3")
                    .body("items.channel", hasItems("kiosk", "voice"))
                    .body("items.find { it.channel == 'voice' }.context.queue", equalTo("billing"));
            given().baseUri(platform.gatewayUrl).auth().oauth2(admin).queryParam("source", "app-store")
                    .when().get("/api/v1/feedback")
                    .then().statusCode(200).body("items.externalId", hasItem(review));
        });
    }

    @Test
    void invitationsByEmailAndSmsAreAnsweredOnceThroughTheGateway() throws Exception {
        String admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
        String surveyId = survey(admin);
        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String phone = "+8180" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "recipients", List.of(Map.of("customerId", "E2E-1", "email", email,
                        "locale", "ja"))))
                .when().post("/api/v1/surveys/{id}/invitations/batch", surveyId)
                .then().statusCode(202);
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("channel", "sms", "recipients", List.of(Map.of("customerId", "E2E-2", "phone", phone))))
                .when().post("/api/v1/surveys/{id}/invitations/batch", surveyId)
                .then().statusCode(202);

        String token = MailInbox.invitationTo(platform.mailApiUrl, email, Duration.ofSeconds(30));
        given().baseUri(platform.gatewayUrl).when().get("/api/v1/public/invitations/{token}", token)
                .then().statusCode(200).body("locale", equalTo("ja"));
        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "invitation", token, "answers", Map.of("nps", 10)))
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202);
        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "invitation", token, "answers", Map.of("nps", 1)))
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(409);

        await().atMost(Duration.ofSeconds(30)).until(() -> !given().baseUri(platform.smsProviderUrl)
                .queryParam("to", phone).when().get("/v1/messages").jsonPath().getList("body").isEmpty());
        Map<String, String> reply = Map.of("From", phone, "To", "+15550100000", "Body", "8 friendly",
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(platform.gatewayUrl)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", signature(reply))
                .formParams(reply)
                .when().post("/api/v1/public/sms/inbound")
                .then().statusCode(200).body(containsString("<Message>")).body(containsString("Thank")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                    .when().get("/api/v1/surveys/{id}/responses", surveyId)
                    .then().statusCode(200)
                    .body("items.channel", hasItems("email", "sms"))
                    .body("items.find { it.channel == 'sms' }.answers.find { it.questionId == 'reason' }.text",
                            equalTo("friendly"))
                    .body("items.find { it.channel == 'email' }.respondent.verified", equalTo(true));
            given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                    .when().get("/api/v1/surveys/{id}/invitations/stats", surveyId)
                    .then().statusCode(200)
                    .body("email.completed", equalTo(1))
                    .body("sms.completed", equalTo(1));
        });
    }

    /** What the SMS provider sends: base64 HMAC-SHA1 of the URL and the parameters sorted by name. */
    private static String signature(Map<String, String> form) throws Exception {
        StringBuilder signed = new StringBuilder(SMS_INBOUND_URL);
        new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(platform.smsAuthToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
