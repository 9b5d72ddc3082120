package io.hearken.survey;

import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;

/** Builds the surveys the tests submit to, through the real API. */
public final class TestSurveys {

    public static final String TENANT = "acme";

    public static final String NPS_SURVEY = """
            {
              "name": "Relationship NPS",
              "title": {"en": "Tell us how we did", "ja": "ご意見をお聞かせください", "zh": "请告诉我们您的体验"},
              "languages": ["en", "ja", "zh"],
              "defaultLanguage": "en",
              "publish": true,
              "questions": [
                {"id": "nps", "type": "NPS", "required": true,
                 "text": {"en": "How likely are you to recommend us to a friend?",
                          "ja": "友人に当社を薦める可能性はどのくらいありますか?",
                          "zh": "您向朋友推荐我们的可能性有多大?"}},
                {"id": "reason", "type": "TEXT", "required": false,
                 "text": {"en": "What is the main reason for your score?",
                          "ja": "そのスコアの主な理由は何ですか?",
                          "zh": "您给出这个分数的主要原因是什么?"}}
              ]
            }
            """;

    private TestSurveys() {
    }

    /** Creates and publishes the NPS survey for {@code tenant} and returns its id. */
    public static String createNpsSurvey(String tenant) {
        return given().contentType(ContentType.JSON).header("X-Hearken-Tenant", tenant).body(NPS_SURVEY)
                .when().post("/v1/surveys")
                .then().statusCode(201)
                .extract().path("id");
    }
}
