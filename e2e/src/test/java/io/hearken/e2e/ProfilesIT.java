package io.hearken.e2e;

import io.hearken.testing.KeycloakTokens;
import io.hearken.testing.MailInbox;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A customer's profile across the platform: an invitation answered makes a verified profile, a form typed with the
 * same email only a claimed one; the export gathers survey-service's copy of the response; an erasure reaches
 * survey-service and insight-service, each answering with a receipt, and the response is anonymised.
 */
class ProfilesIT {

    private static final String SURVEY = """
            {"name": "E2E profiles", "publish": true, "title": {"en": "How did we do?"},
             "questions": [
               {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend us?"}},
               {"id": "reason", "type": "TEXT", "text": {"en": "Why?"}}]}
            """;

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    @Test
    void anInvitedCustomerIsVerifiedExportedAndErasedEverywhere() throws Exception {
        String admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
        String surveyId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY).when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");
        String customerId = "E2E-P-" + UUID.randomUUID().toString().substring(0, 8);
        String email = customerId.toLowerCase() + "@example.com";

        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "recipients", List.of(Map.of("customerId", customerId,
                        "email", email))))
                .when().post("/api/v1/surveys/{id}/invitations/batch", surveyId)
                .then().statusCode(202);
        String token = MailInbox.invitationTo(platform.mailApiUrl, email, Duration.ofSeconds(60));
        String responseId = given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "invitation", token,
                        "answers", Map.of("nps", 4, "reason", "parcel arrived broken")))
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).extract().path("id");
        // Someone types the same email on the public form: it never reaches the verified customer.
        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "respondent", Map.of("email", email), "answers", Map.of("nps", 10)))
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(admin).queryParam("customerId", customerId)
                        .when().get("/api/v1/profiles")
                        .then().statusCode(200)
                        .body("trust", equalTo("verified"))
                        .body("identities.value", containsInAnyOrder(customerId, email))
                        .body("identities.verified", containsInAnyOrder(true, true))
                        .body("computed.responseCount", equalTo(1))
                        .body("computed.lastNps", equalTo(4))
                        .body("timeline.responseId", hasItem(responseId))
                        .body("timeline.type", hasItem("invitation.sent")));
        String profileId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                .queryParam("customerId", customerId).when().get("/api/v1/profiles").then().extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(admin).queryParam("identity", email)
                        .when().get("/api/v1/profiles/search")
                        .then().statusCode(200).body("items.trust", containsInAnyOrder("verified", "claimed")));

        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).when().get("/api/v1/profiles/{id}/export", profileId)
                .then().statusCode(200)
                .body("responses", hasSize(1))
                .body("responses[0].responseId", equalTo(responseId))
                .body("responses[0].respondent.customerId", equalTo(customerId));

        String erasure = given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                .when().delete("/api/v1/profiles/{id}", profileId)
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                        .when().get("/api/v1/profiles/erasures/{id}", erasure)
                        .then().statusCode(200)
                        .body("complete", equalTo(true))
                        .body("services.find { it.service == 'survey-service' }.itemsErased", not(equalTo(0)))
                        .body("services.find { it.service == 'insight-service' }.status", equalTo("done")));
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                .when().get("/api/v1/surveys/{survey}/responses/{id}", surveyId, responseId)
                .then().statusCode(200)
                .body("respondent.customerId", nullValue())
                .body("respondent.email", nullValue())
                .body("erasure.erasureId", equalTo(erasure))
                .body("answers.find { it.questionId == 'nps' }.score", equalTo(4));
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).when().get("/api/v1/profiles/{id}", profileId)
                .then().statusCode(410);
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).when().get("/api/v1/surveys/{id}/nps", surveyId)
                .then().statusCode(200).body("total", notNullValue());
    }
}
