package io.hearken.insight.service;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.ScorePeriod;
import io.hearken.insight.repository.RaisedAlert;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Score-drop rules judged on the real rollups: a significant fall from one whole week to the next raises one alert
 * and one case, however often the check runs; a rise raises none.
 */
@QuarkusTest
class ScoreDropWatchTest {

    @Inject
    ScoreDropWatch watch;

    private static String createRule(String tenant, String surveyId) {
        String location = given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON).body("""
                        {"name": "NPS fell", "type": "SCORE_DROP", "priority": "HIGH", "surveyId": "%s",
                         "score": "NPS", "period": "WEEK"}""".formatted(surveyId))
                .when().post("/v1/alert-rules")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** {@code count} responses with NPS {@code score} to {@code surveyId}, on days of {@code week}. */
    private static void answer(EventPublisher publisher, String tenant, String surveyId, DateRange week, int score,
                               int count) {
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            Instant at = week.from().plusDays(i % 7).atTime(12, 0).toInstant(ZoneOffset.UTC);
            publisher.publish(Topics.RESPONSES, id, EventTypes.RESPONSE_SUBMITTED, surveyId, tenant, """
                    {"responseId": "%s", "surveyId": "%s", "surveyVersion": 1, "tenant": "%s", "channel": "web",
                     "answers": [{"questionId": "nps", "type": "NPS", "score": %d, "scaleMin": 0, "scaleMax": 10}],
                     "submittedAt": "%s"}""".formatted(id, surveyId, tenant, score, at));
        }
    }

    @Test
    void aSignificantWeekOnWeekDropRaisesOneAlertAndARiseNone() {
        String tenant = "drops-" + UUID.randomUUID().toString().substring(0, 8);
        String falling = UUID.randomUUID().toString();
        String rising = UUID.randomUUID().toString();
        Instant now = Instant.now();
        DateRange lastWeek = ScorePeriod.WEEK.lastCompleted(LocalDate.ofInstant(now, ZoneOffset.UTC));
        DateRange weekBefore = ScorePeriod.WEEK.before(lastWeek);
        String fallingRule = createRule(tenant, falling);
        String risingRule = createRule(tenant, rising);
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            answer(publisher, tenant, falling, weekBefore, 10, 40);
            answer(publisher, tenant, falling, lastWeek, 2, 40);
            answer(publisher, tenant, rising, weekBefore, 3, 40);
            answer(publisher, tenant, rising, lastWeek, 9, 40);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String survey : List.of(falling, rising)) {
                given().header("X-Hearken-Tenant", tenant).when().get("/v1/surveys/{id}/nps", survey)
                        .then().statusCode(200).body("total", equalTo(80));
            }
        });

        List<RaisedAlert> first = watch.check(now);
        List<RaisedAlert> again = watch.check(now.plusSeconds(60));

        List<RaisedAlert> fell = first.stream().filter(alert -> alert.alert().ruleId().equals(fallingRule)).toList();
        assertEquals(1, fell.size());
        assertTrue(first.stream().noneMatch(alert -> alert.alert().ruleId().equals(risingRule)));
        assertEquals(fell.get(0).alert().id(), again.stream()
                .filter(alert -> alert.alert().ruleId().equals(fallingRule)).findFirst().orElseThrow().alert().id());
        assertEquals(1, given().header("X-Hearken-Tenant", tenant).queryParam("limit", 200)
                .when().get("/v1/alerts").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.ruleId == '" + fallingRule + "' }").size());
        assertEquals(1, given().header("X-Hearken-Tenant", tenant).queryParam("limit", 200)
                .when().get("/v1/cases").then().statusCode(200).extract().jsonPath().getList("items").size());
    }
}
