package io.hearken.survey.rest;

import io.hearken.survey.config.InvitationsConfig;
import io.hearken.survey.domain.InvitationToken;
import io.hearken.survey.domain.SmsSignature;
import io.hearken.testing.MailInbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invitations end to end inside survey-service, against the real local SMTP server (GreenMail) and the SMS provider
 * stand-in: distributed, really sent in each customer's language, opened by their signed link, answered once as the
 * invited customer, replied to by SMS, and counted per channel.
 */
@QuarkusTest
class InvitationFlowTest {

    private static final String SURVEY = """
            {"name": "Delivery NPS", "publish": true,
             "title": {"en": "How was your delivery?", "ja": "配達はいかがでしたか?"},
             "languages": ["en", "ja"],
             "questions": [
               {"id": "store", "type": "HIDDEN"},
               {"id": "nps", "type": "NPS", "required": true,
                "text": {"en": "Would you recommend us?", "ja": "当社を薦めますか?"}},
               {"id": "reason", "type": "TEXT", "text": {"en": "Why?", "ja": "理由は?"}}],
             "endings": [{"id": "thanks", "text": {"en": "Thank you!", "ja": "ありがとうございました!"}}]}
            """;
    /** REST Assured encodes forms in ISO-8859-1 unless told: a provider posts UTF-8. */
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Pattern TOKEN = Pattern.compile("invitation=(inv1\\.[A-Za-z0-9._-]+)");

    @ConfigProperty(name = "MAIL_API_URL", defaultValue = "http://127.0.0.1:8025")
    String mailApi;

    @Inject
    InvitationsConfig invitations;

    private String surveyId;

    @BeforeEach
    void createSurvey() {
        surveyId = given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").body(SURVEY)
                .when().post("/v1/surveys")
                .then().statusCode(201).extract().path("id");
    }

    private void invite(String channel, Map<String, Object> recipient) {
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme")
                .body(Map.of("channel", channel, "recipients", List.of(recipient)))
                .when().post("/v1/surveys/{id}/invitations/batch", surveyId)
                .then().statusCode(202).body("invited", equalTo(1));
    }

    @Test
    void anEmailInvitationIsSentOpenedAndAnsweredOnceAsTheInvitedCustomer() {
        String email = "mika-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        invite("email", Map.of("customerId", "C-1001", "email", email, "locale", "ja",
                "hidden", Map.of("store", "S-12")));
        String mail = MailInbox.firstMail(mailApi, email, Duration.ofSeconds(30));
        assertTrue(mail.contains("Subject: =?UTF-8") || mail.contains("配達はいかがでしたか"), mail);
        Matcher token = TOKEN.matcher(mail);
        assertTrue(token.find(), "the mail carries the signed link: " + mail);
        String invitation = token.group(1);

        given().when().get("/v1/public/invitations/{token}", invitation)
                .then().statusCode(200)
                .body("surveyId", equalTo(surveyId))
                .body("locale", equalTo("ja"))
                .body("survey.version", equalTo(1));

        Map<String, Object> answer = Map.of("channel", "web", "invitation", invitation,
                "answers", Map.of("nps", 9, "reason", "早い", "store", "tampered"));
        String responseId = given().contentType(ContentType.JSON).body(answer)
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).body("closing.text", equalTo("ありがとうございました!"))
                .extract().path("id");
        given().contentType(ContentType.JSON).body(answer)
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).header("Idempotent-Replayed", "true").body("id", equalTo(responseId));
        given().contentType(ContentType.JSON).body(Map.of("channel", "web", "invitation", invitation,
                        "answers", Map.of("nps", 2)))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(409).body("type", equalTo("https://hearken.io/problems/invitation-used"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/responses", surveyId)
                .then().body("items", hasSize(1))
                .body("items[0].channel", equalTo("email"))
                .body("items[0].language", equalTo("ja"))
                .body("items[0].invitationId", notNullValue())
                .body("items[0].respondent.customerId", equalTo("C-1001"))
                .body("items[0].respondent.email", equalTo(email))
                .body("items[0].respondent.verified", equalTo(true))
                .body("items[0].answers.find { it.questionId == 'store' }.text", equalTo("S-12")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/invitations/stats", surveyId)
                .then().statusCode(200)
                .body("email.completed", equalTo(1))
                .body("email.responseRate", equalTo(100.0f)));
    }

    @Test
    void theSurveysInvitationsAreListedNewestFirstAPageAtATimeWithoutTheirAddresses() {
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme")
                .body(Map.of("channel", "email", "recipients", List.of(
                        Map.of("customerId", "L-1", "email", "l1@example.com"),
                        Map.of("customerId", "L-2", "email", "l2@example.com", "locale", "ja"),
                        Map.of("customerId", "L-3", "email", "l3@example.com"))))
                .when().post("/v1/surveys/{id}/invitations/batch", surveyId)
                .then().statusCode(202).body("invited", equalTo(3));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/invitations", surveyId)
                .then().statusCode(200).body("items", hasSize(3)));

        JsonPath first = given().header("X-Hearken-Tenant", "acme").queryParam("limit", 2)
                .when().get("/v1/surveys/{id}/invitations", surveyId)
                .then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue())
                .extract().jsonPath();
        JsonPath second = given().header("X-Hearken-Tenant", "acme").queryParam("limit", 2)
                .queryParam("after", first.getString("next"))
                .when().get("/v1/surveys/{id}/invitations", surveyId)
                .then().statusCode(200).body("items", hasSize(1)).body("next", equalTo(null))
                .extract().jsonPath();
        List<String> customers = new ArrayList<>(first.getList("items.customerId"));
        customers.addAll(second.getList("items.customerId"));
        assertEquals(List.of("L-1", "L-2", "L-3"), customers.stream().sorted().toList(), "each once: " + customers);
        assertEquals("email", first.getString("items[0].channel"));
        assertTrue(!first.prettify().contains("@example.com"), "no address in the listing: " + first.prettify());

        given().header("X-Hearken-Tenant", "other-tenant")
                .when().get("/v1/surveys/{id}/invitations", surveyId)
                .then().statusCode(404);
        given().header("X-Hearken-Tenant", "acme").queryParam("limit", 0)
                .when().get("/v1/surveys/{id}/invitations", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aForgedOrTamperedLinkIsRefused() {
        String forged = "inv1.k1.AAAA." + "A".repeat(43);
        given().when().get("/v1/public/invitations/{token}", forged)
                .then().statusCode(400).body("errors[0].field", equalTo("invitation"));
        given().contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "invitation", forged, "answers", Map.of("nps", 9)))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("invitation"));
    }

    @Test
    void anExpiredLinkIsGoneAndTakesNoAnswer() {
        // Signed with the service's own key, so only its age is wrong: a link whose time ran out.
        InvitationToken.SigningKey key = new InvitationToken.SigningKey(invitations.signingKeyId(),
                Base64.getDecoder().decode(invitations.signingKey()));
        String expired = new InvitationToken("inv-expired-" + UUID.randomUUID(), "acme", surveyId, "C-3003", "email",
                "ja", Instant.now().minus(Duration.ofMinutes(1))).sign(key);
        given().when().get("/v1/public/invitations/{token}", expired)
                .then().statusCode(410)
                .body("type", equalTo("https://hearken.io/problems/invitation-expired"))
                .body("errors[0].field", equalTo("invitation"));
        given().contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "invitation", expired, "answers", Map.of("nps", 9)))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(410).body("type", equalTo("https://hearken.io/problems/invitation-expired"));
        // A web response after it is projected; the refused one never was written, so it is the only one.
        given().contentType(ContentType.JSON).body(Map.of("channel", "web", "answers", Map.of("nps", 7)))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/responses", surveyId)
                .then().body("items", hasSize(1))
                .body("items[0].answers.find { it.questionId == 'nps' }.score", equalTo(7)));
    }

    @Test
    void anSmsInvitationIsAnsweredByATextReply() {
        String phone = "+8190" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
        invite("sms", Map.of("customerId", "C-2002", "phone", phone, "locale", "ja"));
        String provider = invitations.sms().providerUrl();
        List<String> texts = await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(provider)
                        .queryParam("to", phone).when().get("/v1/messages").jsonPath().<String>getList("body"),
                list -> !list.isEmpty());
        assertTrue(texts.get(0).contains("当社を薦めますか?") && texts.get(0).contains("0〜10"), texts.get(0));

        Map<String, List<String>> reply = Map.of("From", List.of(phone), "To", List.of("+15550100000"),
                "Body", List.of("９ 丁寧でした"), "MessageSid", List.of("SM" + UUID.randomUUID()));
        given().contentType(FORM).formParams(Map.of("From", phone, "To", "+15550100000",
                        "Body", "９ 丁寧でした", "MessageSid", reply.get("MessageSid").get(0)))
                .when().post("/v1/public/sms/inbound")
                .then().statusCode(403);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().contentType(FORM)
                .header("X-Twilio-Signature",
                        SmsSignature.sign(invitations.sms().authToken(), invitations.sms().inboundUrl(), reply))
                .formParams(Map.of("From", phone, "To", "+15550100000", "Body", "９ 丁寧でした",
                        "MessageSid", reply.get("MessageSid").get(0)))
                .when().post("/v1/public/sms/inbound")
                .then().statusCode(200).body(containsString("ありがとうございました!")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath stored = given().header("X-Hearken-Tenant", "acme")
                    .when().get("/v1/surveys/{id}/responses", surveyId).then().extract().jsonPath();
            assertEquals("sms", stored.getString("items[0].channel"));
            assertEquals(9, stored.getInt("items[0].answers.find { it.questionId == 'nps' }.score"));
            assertEquals("丁寧でした", stored.getString("items[0].answers.find { it.questionId == 'reason' }.text"));
            assertEquals(phone, stored.getString("items[0].respondent.phone"));
        });
    }
}
