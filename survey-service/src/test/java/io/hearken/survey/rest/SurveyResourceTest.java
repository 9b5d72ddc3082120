package io.hearken.survey.rest;

import io.hearken.survey.TestSurveys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The survey administration API: design, lifecycle, versions, export and import, listing. */
@QuarkusTest
class SurveyResourceTest {

    private static final String DRAFT = """
            {"name": "Checkout %s",
             "title": {"en": "How was checkout?", "ja": "お会計はいかがでしたか?"},
             "languages": ["en", "ja", "zh-TW", "zh-CN"], "touchpoint": "checkout", "journeyStage": "purchase",
             "pages": [{"id": "p1", "questions": [
               {"id": "csat", "type": "CSAT", "required": true, "text": {"en": "Satisfied?", "ja": "満足しましたか?"}}]}]}
            """;

    private static String create(String body) {
        return given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").body(body)
                .when().post("/v1/surveys")
                .then().statusCode(201).extract().path("id");
    }

    private static void submit(String surveyId, Map<String, Object> body, int status) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(status);
    }

    @Test
    void createsASurveyWithQuestionsInThreeLanguagesPublishedAtOnce() {
        String id = TestSurveys.createNpsSurvey(TestSurveys.TENANT);
        given().header("X-Hearken-Tenant", TestSurveys.TENANT)
                .when().get("/v1/surveys/{id}", id)
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("id", equalTo(id))
                .body("tenant", equalTo("acme"))
                .body("status", equalTo("ACTIVE"))
                .body("publishedVersion", equalTo(1))
                .body("draft", nullValue())
                .body("latest.content.pages[0].questions[0].type", equalTo("NPS"))
                .body("latest.content.pages[0].questions[0].text.ja",
                        equalTo("友人に当社を薦める可能性はどのくらいありますか?"))
                .body("latest.content.pages[0].questions[1].text.zh", equalTo("您给出这个分数的主要原因是什么?"));
    }

    @Test
    void aDraftIsInvisibleToRespondentsUntilPublishedThenEachPublishFreezesAVersion() {
        String id = create(DRAFT.formatted("lifecycle"));
        given().when().get("/v1/public/surveys/{id}", id).then().statusCode(404);
        submit(id, Map.of("channel", "web", "answers", Map.of("csat", 5)), 409);

        given().header("X-Hearken-Tenant", "acme").when().post("/v1/surveys/{id}/publish", id)
                .then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("publishedVersion", equalTo(1))
                .body("latest.content.touchpoint", equalTo("checkout"));
        given().when().get("/v1/public/surveys/{id}", id)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("languages", equalTo(List.of("en", "ja", "zh-TW", "zh-CN")))
                .body("pages[0].questions[0].id", equalTo("csat"));

        // Revising an active survey makes a draft; respondents keep answering version 1 until it is published.
        String etag = given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}", id)
                .then().extract().header("ETag");
        String revised = DRAFT.formatted("lifecycle").replace("]}]}", "]}, {\"id\": \"p2\", \"questions\": ["
                + "{\"id\": \"why\", \"type\": \"TEXT\", \"text\": {\"en\": \"Why?\"}}]}]}");
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").header("If-Match", etag)
                .body(revised)
                .when().put("/v1/surveys/{id}/draft", id)
                .then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("draft.pages[1].id", equalTo("p2"))
                .body("latest.version", equalTo(1));
        submit(id, Map.of("channel", "web", "answers", Map.of("csat", 4, "why", "fast")), 400);
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").header("If-Match", etag)
                .body(revised)
                .when().put("/v1/surveys/{id}/draft", id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Reload"));

        given().header("X-Hearken-Tenant", "acme").when().post("/v1/surveys/{id}/publish", id)
                .then().statusCode(200).body("publishedVersion", equalTo(2)).body("draft", nullValue());
        submit(id, Map.of("channel", "web", "answers", Map.of("csat", 4, "why", "fast")), 202);
        submit(id, Map.of("channel", "web", "surveyVersion", 1, "answers", Map.of("csat", 4)), 202);
        submit(id, Map.of("channel", "web", "surveyVersion", 3, "answers", Map.of("csat", 4)), 400);
        given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/versions/1", id)
                .then().statusCode(200).body("content.pages.size()", equalTo(1));
        given().header("X-Hearken-Tenant", "globex").when().get("/v1/surveys/{id}/versions/1", id)
                .then().statusCode(404);
        given().header("X-Hearken-Tenant", "acme").when().post("/v1/surveys/{id}/publish", id)
                .then().statusCode(409).body("detail", containsString("no draft"));
    }

    @Test
    void aPausedOrClosedSurveyTakesNoResponsesAndSaysWhy() {
        String id = create(DRAFT.formatted("pause").replace("\"pages\"", "\"publish\": true, \"pages\""));
        given().header("X-Hearken-Tenant", "acme").when().post("/v1/surveys/{id}/pause", id)
                .then().statusCode(200).body("status", equalTo("PAUSED"));
        given().contentType(ContentType.JSON).body(Map.of("channel", "web", "answers", Map.of("csat", 5)))
                .when().post("/v1/public/surveys/{id}/responses", id)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("paused"));
        given().when().get("/v1/public/surveys/{id}", id).then().statusCode(409);
        given().header("X-Hearken-Tenant", "acme").when().post("/v1/surveys/{id}/pause", id).then().statusCode(409);
        given().header("X-Hearken-Tenant", "acme").when().post("/v1/surveys/{id}/resume", id)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        submit(id, Map.of("channel", "web", "answers", Map.of("csat", 5)), 202);
        given().header("X-Hearken-Tenant", "acme").when().post("/v1/surveys/{id}/close", id)
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        given().contentType(ContentType.JSON).body(Map.of("channel", "web", "answers", Map.of("csat", 5)))
                .when().post("/v1/public/surveys/{id}/responses", id)
                .then().statusCode(409).body("detail", containsString("closed"));
        given().header("X-Hearken-Tenant", "acme").when().post("/v1/surveys/{id}/resume", id).then().statusCode(409);
        given().header("X-Hearken-Tenant", "globex").when().post("/v1/surveys/{id}/close", id).then().statusCode(404);
    }

    @Test
    void anExportedSurveyImportsAsANewSurveyWithTheSameDefinition() {
        String id = create(DRAFT.formatted("export"));
        JsonPath export = given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/export", id)
                .then().statusCode(200).body("format", equalTo("hearken.survey/1")).extract().jsonPath();
        Map<String, Object> body = export.getMap("$");
        String copy = given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "globex").body(body)
                .queryParam("publish", true)
                .when().post("/v1/surveys/import")
                .then().statusCode(201)
                .header("Location", containsString("/v1/surveys/"))
                .body("status", equalTo("ACTIVE"))
                .extract().path("id");
        assertTrue(!copy.equals(id));
        assertEquals(export.getMap("definition.pages[0]"), given().header("X-Hearken-Tenant", "globex")
                .when().get("/v1/surveys/{id}", copy).then().extract().jsonPath().getMap("latest.content.pages[0]"));
        Map<String, Object> wrongFormat = Map.of("format", "typeform/1", "definition", body.get("definition"));
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").body(wrongFormat)
                .when().post("/v1/surveys/import")
                .then().statusCode(400).body("errors.field", hasItem("format"));
    }

    @Test
    void listsPageByPageWithSearchAndStatusAndHidesOtherTenants() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            created.add(create(DRAFT.formatted("Listing-" + tag + "-" + index)));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            var request = given().header("X-Hearken-Tenant", "acme").queryParam("limit", 2)
                    .queryParam("q", "listing-" + tag.toUpperCase());
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.when().get("/v1/surveys").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            after = page.getString("next");
        } while (after != null);
        // Newest first; surveys created within one millisecond come in id order, so compare as sets.
        assertEquals(5, seen.size());
        assertEquals(new HashSet<>(created), new HashSet<>(seen));
        given().header("X-Hearken-Tenant", "acme").queryParam("q", tag).queryParam("status", "active")
                .when().get("/v1/surveys").then().statusCode(200).body("items.size()", equalTo(0));
        given().header("X-Hearken-Tenant", "globex").queryParam("q", tag)
                .when().get("/v1/surveys").then().statusCode(200).body("items.id", not(hasItem(created.get(0))));
        given().header("X-Hearken-Tenant", "acme").queryParam("after", "not-a-token!")
                .when().get("/v1/surveys").then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().header("X-Hearken-Tenant", "acme").queryParam("status", "archived")
                .when().get("/v1/surveys").then().statusCode(400).body("errors[0].field", equalTo("status"));
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
        given().header("X-Hearken-Tenant", "globex")
                .when().get("/v1/surveys/{id}", id)
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Hearken-Tenant", "globex")
                .when().get("/v1/surveys")
                .then().statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void rejectsSurveyWithoutDefaultLanguageTextAndDuplicateQuestionNamingTheFieldsAsSent() {
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
                .body("errors.field", hasItem("title.ja"))
                .body("errors.field", hasItem("questions[1].id"));
    }

    @Test
    void rejectsUnknownQuestionTypeAndOperatorWithTheFieldAtFault() {
        String survey = """
                {"name": "Odd", "title": {"en": "Odd"},
                 "questions": [{"id": "q", "type": "STARS", "required": true, "text": {"en": "?"}}]}
                """;
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").body(survey)
                .when().post("/v1/surveys")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("questions[0].type"));
        String logic = """
                {"name": "Odd", "title": {"en": "Odd"},
                 "questions": [{"id": "q", "type": "NPS", "text": {"en": "?"}},
                   {"id": "r", "type": "TEXT", "text": {"en": "?"},
                    "showIf": {"question": "q", "operator": "ROUGHLY", "value": 3}}]}
                """;
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").body(logic)
                .when().post("/v1/surveys")
                .then().statusCode(400)
                .body("errors.field", hasItem("questions[1].showIf.operator"));
    }

    @Test
    void requiresTheCredentialSignedByTheGateway() {
        given().contentType(ContentType.JSON).body(TestSurveys.NPS_SURVEY)
                .when().post("/v1/surveys")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/unauthorized"));
    }

    @Test
    void rejectsAListLimitOutsideItsRangeNamingTheParameter() {
        given().header("X-Hearken-Tenant", "acme").queryParam("limit", 0)
                .when().get("/v1/surveys")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
