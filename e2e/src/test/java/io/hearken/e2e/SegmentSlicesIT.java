package io.hearken.e2e;

import io.hearken.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scores sliced by one of profile-service's segments, across all three services: a segment of recent detractors
 * exists before anyone answers; each respondent's answer puts their profile in it or not (profile-service announces
 * the response with the segments its customer is in then), and insight-service counts the answer under that
 * segment. The segment's NPS is the detractors' alone; the survey's counts everyone. The console's breakdown by
 * segment shows the same slice, by the segment's name.
 */
class SegmentSlicesIT {

    private static final String SURVEY = """
            {"name": "E2E segments", "title": {"en": "Visit"}, "languages": ["en"], "publish": true,
             "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend us?"}}]}
            """;

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    @Test
    void aSegmentsScoreCountsOnlyTheAnswersOfCustomersWhoWereInIt() {
        String admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
        String segmentName = "e2e detractors " + UUID.randomUUID();
        String segmentId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"name": "%s", "rule": {"all": [{"timeline": {"kind": "response.submitted",
                         "scoreMax": 6, "withinDays": 90}}]}}""".formatted(segmentName))
                .when().post("/api/v1/profiles/segments").then().statusCode(201).extract().path("id");
        String surveyId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY).when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");

        String run = UUID.randomUUID().toString().substring(0, 8);
        int[] scores = {2, 3, 1, 10, 9};
        for (int i = 0; i < scores.length; i++) {
            given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                    .body(Map.of("channel", "web",
                            "respondent", Map.of("email", "seg-" + run + "-" + i + "@example.com"),
                            "answers", Map.of("nps", scores[i])))
                    .when().post("/api/v1/public/surveys/{id}/responses", surveyId).then().statusCode(202);
        }

        Map<String, String> range = Map.of("from", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(),
                "to", LocalDate.now(ZoneOffset.UTC).toString());
        String nps = "questions.find { it.questionId == 'nps' }";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            // Until its first answer is counted, a survey's scores list no question: null, not a count, then
            assertEquals(Integer.valueOf(5), scores(admin, surveyId, range).get(nps + ".count"));
            assertEquals(Integer.valueOf(3), scores(admin, surveyId, Map.of("from", range.get("from"),
                    "to", range.get("to"), "segment", segmentId)).get(nps + ".count"));
        });
        JsonPath detractors = scores(admin, surveyId, Map.of("from", range.get("from"), "to", range.get("to"),
                "segment", segmentId));
        assertEquals(-100.0, detractors.getDouble(nps + ".scores[0].value"), 1e-9);

        // The same slice on the console's dashboard: the breakdown by segment names the segment, with its figures
        try (Browser browser = ConsoleIT.console("en-US", null)) {
            browser.open(platform.gatewayUrl + "/console/#/surveys/" + surveyId);
            ConsoleIT.logInThroughKeycloak(browser, "alice");
            browser.shown(By.cssSelector("main[data-ready='true']"));
            new Select(browser.shown(By.id("breakdown-by"))).selectByValue("segment");
            WebElement row = browser.shown(By.cssSelector("#breakdown[data-by='segment'] tr[data-value='"
                    + segmentId + "']"));
            assertEquals(segmentName, row.findElement(By.tagName("th")).getText());
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertEquals("3", cells.get(0).getText(), "the segment's answers");
            assertEquals("-100", cells.get(1).getText().split(" ")[0], "the segment's NPS: " + cells.get(1).getText());
        }
    }

    private static JsonPath scores(String token, String surveyId, Map<String, ?> query) {
        return given().baseUri(platform.gatewayUrl).auth().oauth2(token).queryParams(query)
                .when().get("/api/v1/surveys/{id}/scores", surveyId).then().statusCode(200).extract().jsonPath();
    }
}
