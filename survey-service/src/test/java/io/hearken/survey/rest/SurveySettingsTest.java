package io.hearken.survey.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** A survey's own settings at the door: the widget's allowed origins, one response per customer, and quotas. */
@QuarkusTest
class SurveySettingsTest {

    private static String survey(String settings) {
        return given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").body("""
                        {"name": "Settings", "publish": true, "title": {"en": "T"},
                         "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "?"}},
                                       {"id": "plan", "type": "SINGLE_CHOICE", "text": {"en": "Plan?"},
                                        "settings": {"options": [{"id": "free", "label": {"en": "Free"}},
                                                                 {"id": "pro", "label": {"en": "Pro"}}]}}],
                         "endings": [{"id": "full", "text": {"en": "We have enough answers from free users."}},
                                     {"id": "thanks", "text": {"en": "Thanks"}}],
                         "settings": %s}""".formatted(settings))
                .when().post("/v1/surveys")
                .then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse submit(String surveyId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/public/surveys/{id}/responses", surveyId).then();
    }

    @Test
    void onlyTheSurveysOwnOriginsMayCallItFromTheBrowser() {
        String surveyId = survey("{\"allowedOrigins\": [\"https://shop.example.com\"]}");
        given().header("Origin", "https://shop.example.com").header("Access-Control-Request-Method", "POST")
                .when().options("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://shop.example.com")
                .header("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key");
        given().header("Origin", "https://evil.example.net").header("Access-Control-Request-Method", "POST")
                .when().options("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(403);
        given().header("Origin", "https://shop.example.com")
                .when().get("/v1/public/surveys/{id}", surveyId)
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://shop.example.com");
        given().header("Origin", "https://evil.example.net")
                .when().get("/v1/public/surveys/{id}", surveyId)
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anOriginMustBeJustSchemeHostAndPort() {
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").body("""
                        {"name": "Bad", "title": {"en": "T"},
                         "questions": [{"id": "nps", "type": "NPS", "text": {"en": "?"}}],
                         "settings": {"allowedOrigins": ["https://shop.example.com/path", "*"],
                                      "quotas": [{"id": "q", "limit": 0, "action": "REDIRECT", "endingId": "none"}]}}""")
                .when().post("/v1/surveys")
                .then().statusCode(400)
                .body("errors.field", hasItem("settings.allowedOrigins[0]"))
                .body("errors.field", hasItem("settings.allowedOrigins[1]"))
                .body("errors.field", hasItem("settings.quotas[0].limit"))
                .body("errors.field", hasItem("settings.quotas[0].endingId"));
    }

    @Test
    void oneResponsePerCustomerRefusesASecondWithOtherAnswers() {
        String surveyId = survey("{\"onePerRespondent\": true}");
        Map<String, Object> first = Map.of("channel", "web", "respondent", Map.of("customerId", "C-77"),
                "answers", Map.of("nps", 9));
        String id = submit(surveyId, first).statusCode(202).extract().path("id");
        submit(surveyId, first).statusCode(202).body("id", equalTo(id)).header("Idempotent-Replayed", "true");
        submit(surveyId, Map.of("channel", "web", "respondent", Map.of("customerId", "C-77"),
                "answers", Map.of("nps", 1)))
                .statusCode(409).body("type", equalTo("https://hearken.io/problems/already-answered"));
        submit(surveyId, Map.of("channel", "web", "answers", Map.of("nps", 1))).statusCode(202);
    }

    @Test
    void aFullQuotaStopsOrScreensOutTheResponsesItCounts() {
        String surveyId = survey("""
                {"quotas": [{"id": "free-users", "limit": 2, "action": "REDIRECT", "endingId": "full",
                             "when": {"question": "plan", "operator": "EQUALS", "value": "free"}},
                            {"id": "all", "limit": 4, "action": "STOP"}]}""");
        Map<String, Object> free = Map.of("channel", "web", "answers", Map.of("nps", 7, "plan", "free"));
        Map<String, Object> pro = Map.of("channel", "web", "answers", Map.of("nps", 8, "plan", "pro"));
        submit(surveyId, free).statusCode(202);
        submit(surveyId, free).statusCode(202);
        submit(surveyId, free).statusCode(200)
                .body("status", equalTo("screened-out"))
                .body("id", nullValue())
                .body("closing.id", equalTo("full"));
        submit(surveyId, pro).statusCode(202);
        submit(surveyId, pro).statusCode(202);
        submit(surveyId, pro).statusCode(409).body("type", equalTo("https://hearken.io/problems/quota-full"));
    }
}
