package io.hearken.survey.rest;

import io.hearken.survey.TestSurveys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SurveyResourceTest {

    @Test
    void createsSurveyWithQuestionsInThreeLanguages() {
        String id = TestSurveys.createNpsSurvey(TestSurveys.TENANT);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}", id).then().statusCode(200));
        given().header("X-Hearken-Tenant", TestSurveys.TENANT)
                .when().get("/v1/surveys/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("tenant", equalTo("acme"))
                .body("status", equalTo("ACTIVE"))
                .body("questions[0].type", equalTo("NPS"))
                .body("questions[0].text.ja", equalTo("友人に当社を薦める可能性はどのくらいありますか?"))
                .body("questions[1].text.zh", equalTo("您给出这个分数的主要原因是什么?"));
    }

    @Test
    void answersWithLocationOfTheNewSurvey() {
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").body(TestSurveys.NPS_SURVEY)
                .when().post("/v1/surveys")
                .then().statusCode(201)
                .header("Location", startsWith("http"));
    }

    @Test
    void hidesSurveysOfOtherTenants() {
        String id = TestSurveys.createNpsSurvey("acme");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys").then().body("id", hasItem(id)));

        given().header("X-Hearken-Tenant", "globex")
                .when().get("/v1/surveys/{id}", id)
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Hearken-Tenant", "globex")
                .when().get("/v1/surveys")
                .then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void rejectsSurveyWithoutDefaultLanguageTextAndDuplicateQuestion() {
        String survey = """
                {"name": "Broken", "title": {"ja": "タイトル"}, "defaultLanguage": "en",
                 "questions": [
                   {"id": "q", "type": "NPS", "required": true, "text": {"en": "Recommend?"}},
                   {"id": "q", "type": "TEXT", "required": false, "text": {"en": "Why?"}}]}
                """;
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").body(survey)
                .when().post("/v1/surveys")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/validation"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("questions[1].id"));
    }

    @Test
    void rejectsUnknownQuestionTypeWithTheFieldAtFault() {
        String survey = """
                {"name": "Odd", "title": {"en": "Odd"},
                 "questions": [{"id": "q", "type": "STARS", "required": true, "text": {"en": "?"}}]}
                """;
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").body(survey)
                .when().post("/v1/surveys")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("questions[0].type"));
    }

    @Test
    void requiresTheTenantHeaderSetByTheGateway() {
        given().contentType(ContentType.JSON).body(TestSurveys.NPS_SURVEY)
                .when().post("/v1/surveys")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("tenant"));
    }

    @Test
    void rejectsAListLimitOutsideItsRangeNamingTheParameter() {
        given().header("X-Hearken-Tenant", "acme").queryParam("limit", 0)
                .when().get("/v1/surveys")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
