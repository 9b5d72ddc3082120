package io.hearken.insight.rest;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A survey's scores broken down by one dimension or by segment, in one call: each value that answers came with is a
 * group whose scores are those of /scores sliced by that value, checked against NPS computed here from the answers
 * sent; answers without a value are the group "", and a missing or unknown {@code by} is a 400 naming it.
 */
@QuarkusTest
class ScoreBreakdownTest {

    private static final Map<String, String> NOVEMBER = Map.of("from", "2026-11-01", "to", "2026-11-30");

    private final String tenant = "breakdown-" + UUID.randomUUID().toString().substring(0, 8);
    private final String surveyId = UUID.randomUUID().toString();

    /** One response: its NPS, where it was given, and the customer whose segments it counts in (null: anonymous). */
    private void response(EventPublisher publisher, int nps, String channel, String touchpoint, String customer) {
        String responseId = UUID.randomUUID().toString();
        publisher.publish(Topics.RESPONSES, responseId, EventTypes.RESPONSE_SUBMITTED, surveyId, tenant, """
                {"responseId": "%s", "surveyId": "%s", "surveyVersion": 1, "tenant": "%s", "channel": "%s",
                 "language": "en", %s "journeyStage": "onboarding",
                 "respondent": %s, "answers": [
                   {"questionId": "nps", "type": "NPS", "score": %d, "scaleMin": 0, "scaleMax": 10}],
                 "completed": true, "submittedAt": "2026-11-10T10:00:00Z"}
                """.formatted(responseId, surveyId, tenant, channel,
                touchpoint == null ? "" : "\"touchpoint\": \"" + touchpoint + "\",",
                customer == null ? "null" : "{\"customerId\": \"" + customer + "\", \"verified\": true}", nps));
        if (customer != null) {
            String profileId = UUID.randomUUID().toString();
            publisher.publishKeyed(Topics.PROFILES, profileId, UUID.randomUUID().toString(),
                    EventTypes.RESPONSE_ATTRIBUTED, profileId, tenant, """
                    {"eventId": "%s", "tenant": "%s", "responseId": "%s", "surveyId": "%s", "profileId": "%s",
                     "segments": ["%s"], "occurredAt": "2026-11-10T10:00:01Z"}"""
                            .formatted(UUID.randomUUID(), tenant, responseId, surveyId, profileId, customer));
        }
    }

    private JsonPath breakdown(String by) {
        return given().header("X-Hearken-Tenant", tenant).queryParams(NOVEMBER).queryParam("by", by)
                .when().get("/v1/surveys/{id}/breakdown", surveyId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String nps(String value) {
        return "groups.find { it.value == '" + value + "' }.questions.find { it.questionId == 'nps' }";
    }

    @Test
    void eachValueIsAGroupWithTheScoresOfItsOwnAnswers() {
        // Two respondents who were in the segment "gold" when they answered (their customer id is the segment's, to
        // keep the fixture short); the other three answered anonymously.
        String gold = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            publisher.publish(Topics.SURVEYS, surveyId, EventTypes.SURVEY_CHANGED, surveyId, tenant, """
                    {"id": "%s", "tenant": "%s", "name": "Onboarding", "status": "ACTIVE", "revision": 1,
                     "publishedVersion": 1, "createdAt": "2026-11-01T00:00:00Z", "updatedAt": "2026-11-01T00:00:00Z"}
                    """.formatted(surveyId, tenant));
            response(publisher, 10, "web", "signup", gold);
            response(publisher, 9, "web", "signup", null);
            response(publisher, 2, "web", "first-login", gold);
            response(publisher, 8, "email", "first-login", null);
            response(publisher, 0, "email", null, null);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(5, breakdown("channel").getList("groups.collect { it.questions[0].count }", Integer.class)
                    .stream().mapToInt(Integer::intValue).sum());
            assertEquals((Object) 2, breakdown("segment").get(nps(gold) + ".count"));
        });

        JsonPath byChannel = breakdown("channel");
        assertEquals("channel", byChannel.getString("by"));
        assertEquals(List.of("email", "web"), byChannel.getList("groups.value"));
        // web: 10, 9, 2 → promoters 2/3, detractors 1/3, NPS 33.3; email: 8, 0 → NPS −50
        assertEquals(100.0 / 3, byChannel.getDouble(nps("web") + ".scores.find { it.name == 'nps' }.value"), 1e-3);
        assertEquals(-50.0, byChannel.getDouble(nps("email") + ".scores.find { it.name == 'nps' }.value"), 1e-9);

        JsonPath byTouchpoint = breakdown("touchpoint");
        assertEquals(List.of("", "first-login", "signup"), byTouchpoint.getList("groups.value"));
        assertEquals(1, byTouchpoint.getLong(nps("") + ".count"), "the answer without a touchpoint");
        assertEquals(100.0, byTouchpoint.getDouble(nps("signup") + ".scores[0].value"), 1e-9);
        assertEquals(2, byTouchpoint.getLong(nps("first-login") + ".count"));
        assertEquals(List.of("onboarding"), breakdown("journeyStage").getList("groups.value"));

        // The segment's answers: 10 and 2, NPS 0; the anonymous answers are in no segment
        JsonPath bySegment = breakdown("segment");
        assertEquals(List.of(gold), bySegment.getList("groups.value"));
        assertEquals(0.0, bySegment.getDouble(nps(gold) + ".scores[0].value"), 1e-9);
    }

    @Test
    void aMissingOrUnknownDimensionIsAProblemNamingIt() {
        for (String by : List.of("chanel", "")) {
            given().header("X-Hearken-Tenant", "acme").queryParam("by", by)
                    .when().get("/v1/surveys/{id}/breakdown", surveyId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("by"));
        }
        given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/breakdown", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("by"))
                .body("errors[0].message", containsString("touchpoint"));
        given().header("X-Hearken-Tenant", "acme").queryParam("by", "channel").queryParam("channel", "web")
                .when().get("/v1/surveys/{id}/breakdown", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        given().header("X-Hearken-Tenant", "acme").queryParam("by", "channel")
                .when().get("/v1/surveys/{id}/breakdown", UUID.randomUUID())
                .then().statusCode(404);
    }
}
