package io.hearken.survey.rest;

import io.hearken.survey.TestSurveys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading what was kept: one response, pages with filters and a total, CSV and NDJSON exports. */
@QuarkusTest
class ResponseReadingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private String surveyId;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void fiveResponsesAndSavedProgress() {
        surveyId = TestSurveys.createNpsSurvey(TestSurveys.TENANT);
        String[] channels = {"web", "sms", "web", "kiosk", "web"};
        for (int i = 0; i < channels.length; i++) {
            String reason = i == 0 ? "=HYPERLINK(\"http://evil\")" : "reason, with a comma " + i;
            ids.add(given().contentType(ContentType.JSON)
                    .body(Map.of("channel", channels[i], "answers", Map.of("nps", i * 2, "reason", reason)))
                    .when().post("/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(202).extract().path("id"));
        }
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("channel", "web", "complete", false, "answers", Map.of("reason", "later")))
                .when().post("/v1/public/surveys/{id}/responses", surveyId).then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/responses", surveyId).then().body("items", hasSize(6)));
    }

    @Test
    void pagesFollowTheNextLinkAndCountEveryMatch() {
        List<String> seen = new ArrayList<>();
        String next = "/v1/surveys/" + surveyId + "/responses?limit=2&completed=true";
        while (next != null) {
            var page = given().header("X-Hearken-Tenant", "acme").urlEncodingEnabled(false)
                    .when().get(next).then().statusCode(200).header("X-Total-Count", "5").extract();
            seen.addAll(page.jsonPath().getList("items.responseId"));
            assertEquals(page.header("Link") == null, page.jsonPath().getString("next") == null);
            String link = page.header("Link");
            Matcher matcher = link == null ? null : NEXT.matcher(link);
            next = matcher != null && matcher.find() ? matcher.group(1).replaceFirst("^https?://[^/]+", "") : null;
        }
        assertEquals(new HashSet<>(ids), new HashSet<>(seen));
        assertEquals(5, seen.size());
        given().header("X-Hearken-Tenant", "acme").queryParam("channel", "web").queryParam("completed", true)
                .when().get("/v1/surveys/{id}/responses", surveyId)
                .then().statusCode(200).header("X-Total-Count", "3").body("items", hasSize(3));
        given().header("X-Hearken-Tenant", "acme").queryParam("completed", false)
                .when().get("/v1/surveys/{id}/responses", surveyId)
                .then().body("items", hasSize(1)).body("items[0].completed", equalTo(false));
        given().header("X-Hearken-Tenant", "acme").queryParam("from", "yesterday")
                .when().get("/v1/surveys/{id}/responses", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void afterWalksEveryPageWithoutGapsOrRepeatsWhileResponsesArrive() {
        List<String> seen = new ArrayList<>();
        String after = null;
        int arrived = 0;
        do {
            var request = given().header("X-Hearken-Tenant", "acme").queryParam("limit", 2)
                    .queryParam("completed", true);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.when().get("/v1/surveys/{id}/responses", surveyId).then().statusCode(200)
                    .extract().jsonPath();
            seen.addAll(page.getList("items.responseId"));
            after = page.getString("next");
            if (arrived < 2) {
                // A response arriving between two pages lands after what was read (oldest first): no page shifts.
                ids.add(given().contentType(ContentType.JSON)
                        .body(Map.of("channel", "web", "answers", Map.of("nps", 9)))
                        .when().post("/v1/public/surveys/{id}/responses", surveyId)
                        .then().statusCode(202).extract().path("id"));
                arrived++;
            }
        } while (after != null);
        assertEquals(new HashSet<>(seen).size(), seen.size(), "no response twice: " + seen);
        assertTrue(seen.containsAll(ids.subList(0, 5)), "every response there before the walk: " + seen);
    }

    @Test
    void refusesALimitOutOfRangeAndACursorOfAnotherListNamingTheField() {
        given().header("X-Hearken-Tenant", "acme").queryParam("limit", 501)
                .when().get("/v1/surveys/{id}/responses", surveyId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        String surveysCursor = given().header("X-Hearken-Tenant", "acme").queryParam("limit", 1)
                .when().get("/v1/surveys").then().statusCode(200).extract().path("next");
        given().header("X-Hearken-Tenant", "acme").queryParam("after", surveysCursor)
                .when().get("/v1/surveys/{id}/responses", surveyId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void responsesAreReadByIdAcrossSurveysNewestFirstInTheirTenantOnly() {
        String otherSurvey = TestSurveys.createNpsSurvey(TestSurveys.TENANT);
        String elsewhere = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "answers", Map.of("nps", 10)))
                .when().post("/v1/public/surveys/{id}/responses", otherSurvey)
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/responses", otherSurvey).then().body("items", hasSize(1)));

        given().header("X-Hearken-Tenant", "acme")
                .queryParam("id", ids.get(0), elsewhere, ids.get(3), "no-such-response", ids.get(0))
                .when().get("/v1/responses")
                .then().statusCode(200)
                .body("items.responseId", contains(elsewhere, ids.get(3), ids.get(0)))
                .body("items[0].surveyId", equalTo(otherSurvey))
                .body("items[1].channel", equalTo("kiosk"));
        given().header("X-Hearken-Tenant", "globex").queryParam("id", ids.get(0), elsewhere)
                .when().get("/v1/responses").then().statusCode(200).body("items", hasSize(0));
        given().header("X-Hearken-Tenant", "acme").when().get("/v1/responses")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void oneResponseIsReadByItsIdInItsSurveyAndTenantOnly() {
        given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses/{r}", surveyId, ids.get(1))
                .then().statusCode(200).body("channel", equalTo("sms")).body("answers[0].score", equalTo(2));
        given().header("X-Hearken-Tenant", "globex").when().get("/v1/surveys/{id}/responses/{r}", surveyId,
                ids.get(1)).then().statusCode(404);
        given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses/{r}", "other-survey",
                ids.get(1)).then().statusCode(404);
    }

    @Test
    void exportsStreamAsCsvAndNdjson() {
        String csv = given().header("X-Hearken-Tenant", "acme").queryParam("completed", true)
                .when().get("/v1/surveys/{id}/responses/export", surveyId)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String[] rows = csv.split("\r\n");
        assertEquals(6, rows.length, csv);
        assertTrue(rows[0].startsWith("responseId,surveyVersion,channel,language"), rows[0]);
        assertTrue(rows[0].endsWith(",nps,reason"), rows[0]);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "a formula is defused: " + csv);
        assertTrue(csv.contains("\"reason, with a comma 1\""), csv);
        String ndjson = given().header("X-Hearken-Tenant", "acme").queryParam("format", "ndjson")
                .when().get("/v1/surveys/{id}/responses/export", surveyId)
                .then().statusCode(200).extract().asString();
        assertEquals(6, ndjson.strip().split("\n").length);
        given().header("X-Hearken-Tenant", "acme").queryParam("format", "xlsx")
                .when().get("/v1/surveys/{id}/responses/export", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().header("X-Hearken-Tenant", "globex").when().get("/v1/surveys/{id}/responses/export", surveyId)
                .then().statusCode(404);
    }
}
