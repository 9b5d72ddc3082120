package io.hearken.survey.rest;

import io.hearken.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A survey asking every kind of question, over HTTP: a full response is kept with typed answers and gets the
 * closing text of its outcome in its language; each wrong answer is a 400 naming its field, and nothing is appended.
 */
@QuarkusTest
class EveryQuestionTypeTest {

    private static final String SURVEY = """
            {"name": "Every kind", "publish": true,
             "title": {"en": "Store visit", "ja": "ご来店", "zh-TW": "門市", "zh-CN": "门店"},
             "languages": ["en", "ja", "zh-TW", "zh-CN"], "touchpoint": "store-visit", "journeyStage": "purchase",
             "pages": [
               {"id": "scores", "questions": [
                 {"id": "store", "type": "HIDDEN"},
                 {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend?", "ja": "薦めますか?"}},
                 {"id": "csat", "type": "CSAT", "text": {"en": "Satisfied?"}},
                 {"id": "ces", "type": "CES", "text": {"en": "Easy?"}},
                 {"id": "stars", "type": "RATING", "text": {"en": "Stars"},
                  "settings": {"min": 1, "max": 10, "labels": {"1": {"en": "Awful"}, "10": {"en": "Superb"}}}}]},
               {"id": "details", "questions": [
                 {"id": "visit", "type": "SINGLE_CHOICE", "text": {"en": "Why did you come?"},
                  "settings": {"options": [{"id": "buy", "label": {"en": "To buy"}},
                                           {"id": "return", "label": {"en": "To return"}}], "allowOther": true}},
                 {"id": "liked", "type": "MULTIPLE_CHOICE", "text": {"en": "What did you like?"},
                  "settings": {"options": [{"id": "staff", "label": {"en": "Staff"}},
                                           {"id": "price", "label": {"en": "Price"}},
                                           {"id": "layout", "label": {"en": "Layout"}}], "maxPicks": 2,
                               "randomiseOptions": true}},
                 {"id": "rank", "type": "RANKING", "text": {"en": "Rank"},
                  "settings": {"options": [{"id": "a", "label": {"en": "A"}}, {"id": "b", "label": {"en": "B"}}]}},
                 {"id": "grid", "type": "MATRIX", "text": {"en": "Rate each"},
                  "settings": {"rows": [{"id": "clean", "label": {"en": "Clean"}},
                                        {"id": "quiet", "label": {"en": "Quiet"}}], "min": 1, "max": 5}},
                 {"id": "when", "type": "DATE", "text": {"en": "When?"}, "settings": {"earliest": "2020-01-01"}},
                 {"id": "why", "type": "TEXT", "text": {"en": "You gave {{nps}}: why?"}, "settings": {"maxLength": 200}},
                 {"id": "contact", "type": "CONSENT", "text": {"en": "You may contact me", "ja": "連絡に同意します"}}]}],
             "endings": [
               {"id": "promoter", "when": {"question": "nps", "operator": "AT_LEAST", "value": 9},
                "text": {"en": "Thank you! Would you review us?", "ja": "ありがとうございます!"}},
               {"id": "other", "text": {"en": "Thank you."}}]}
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String surveyId;

    @BeforeEach
    void createSurvey() {
        surveyId = given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").body(SURVEY)
                .when().post("/v1/surveys")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> fullAnswers() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("store", "S-12");
        answers.put("nps", 10);
        answers.put("csat", 5);
        answers.put("ces", 6);
        answers.put("stars", 9);
        answers.put("visit", Map.of("choices", List.of("other"), "other", "To browse"));
        answers.put("liked", List.of("staff", "layout"));
        answers.put("rank", List.of("b", "a"));
        answers.put("grid", Map.of("clean", 4, "quiet", 2));
        answers.put("when", "2026-11-20");
        answers.put("why", "親切なスタッフ");
        answers.put("contact", true);
        return answers;
    }

    @Test
    void aFullResponseIsKeptWithTypedAnswersAndGetsItsClosingText() {
        String responseId = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "kiosk", "language", "ja", "answers", fullAnswers()))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202)
                .body("surveyVersion", equalTo(1))
                .body("closing.id", equalTo("promoter"))
                .body("closing.text", equalTo("ありがとうございます!"))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/responses", surveyId)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].responseId", equalTo(responseId))
                .body("items[0].touchpoint", equalTo("store-visit"))
                .body("items[0].journeyStage", equalTo("purchase"))
                .body("items[0].language", equalTo("ja"))
                .body("items[0].answers.find { it.questionId == 'store' }.text", equalTo("S-12"))
                .body("items[0].answers.find { it.questionId == 'stars' }.scaleMax", equalTo(10))
                .body("items[0].answers.find { it.questionId == 'visit' }.otherText", equalTo("To browse"))
                .body("items[0].answers.find { it.questionId == 'liked' }.choices", equalTo(List.of("staff", "layout")))
                .body("items[0].answers.find { it.questionId == 'rank' }.choices", equalTo(List.of("b", "a")))
                .body("items[0].answers.find { it.questionId == 'grid' }.rows.clean", equalTo(4))
                .body("items[0].answers.find { it.questionId == 'when' }.date", equalTo("2026-11-20"))
                .body("items[0].answers.find { it.questionId == 'contact' }.consent", equalTo(true))
                .body("items[0].answers.find { it.questionId == 'contact' }.text", equalTo("連絡に同意します")));
    }

    @Test
    void everyWrongAnswerIsNamedAndNothingIsAppended() {
        Map<String, Object> wrong = Map.of(
                "csat", 6, "stars", 11, "visit", "walk-in", "liked", List.of("staff", "price", "layout"),
                "rank", List.of("a"), "grid", Map.of("clean", 9), "when", "2019-12-31", "why", "x".repeat(201),
                "contact", "yes", "extra", 1);
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, "hearken.responses")) {
            given().contentType(ContentType.JSON).body(Map.of("channel", "web", "language", "fr", "answers", wrong))
                    .when().post("/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("language", "answers.nps", "answers.csat", "answers.stars",
                            "answers.visit", "answers.liked", "answers.rank", "answers.grid", "answers.when",
                            "answers.why", "answers.contact", "answers.extra")));
            assertTrue(probe.collect(record -> surveyId.equals(TopicProbe.header(record, "ce_subject")),
                    Duration.ofSeconds(2)).isEmpty(), "a refused response must not be appended");
        }
    }

    @Test
    void theRespondentPageGetsEveryKindWithItsSettingsAndLogic() {
        given().when().get("/v1/public/surveys/{id}", surveyId)
                .then().statusCode(200)
                .body("languages", equalTo(List.of("en", "ja", "zh-TW", "zh-CN")))
                .body("pages[1].questions.find { it.id == 'liked' }.settings.randomiseOptions", equalTo(true))
                .body("pages[1].questions.find { it.id == 'why' }.text.en", equalTo("You gave {{nps}}: why?"))
                .body("endings[0].when.operator", equalTo("AT_LEAST"));
    }
}
