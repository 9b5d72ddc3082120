package io.hearken.insight.repository;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What settled days sum to is kept between queries, and a late answer to one of those days still counts at once:
 * it gives the survey a new settled revision in the transaction that counts it, while today's answers leave the
 * revision (and what is kept) alone.
 */
@QuarkusTest
class SettledCountsTest {

    private static final String TENANT = "settled-co";

    @Inject
    Pool pool;

    @Inject
    SettledCounts settledCounts;

    private static void publish(String surveyId, Instant at, int score, int count) {
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                publisher.publish(Topics.RESPONSES, id, EventTypes.RESPONSE_SUBMITTED, surveyId, TENANT, """
                        {"responseId": "%s", "surveyId": "%s", "surveyVersion": 1, "tenant": "%s", "channel": "web",
                         "language": "en", "answers": [{"questionId": "nps", "type": "NPS", "score": %d,
                         "scaleMin": 0, "scaleMax": 10}], "completed": true, "submittedAt": "%s"}
                        """.formatted(id, surveyId, TENANT, score, at));
            }
        }
    }

    private static int count(String surveyId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return given().header("X-Hearken-Tenant", TENANT)
                .queryParam("from", today.minusDays(59).toString()).queryParam("to", today.toString())
                .queryParam("question", "nps")
                .when().get("/v1/surveys/{id}/scores", surveyId)
                .then().statusCode(200).extract().jsonPath().getInt("questions[0].count");
    }

    private long revision(String surveyId) {
        return pool.preparedQuery("select settled_revision from survey where tenant = $1 and survey_id = $2")
                .execute(Tuple.of(TENANT, surveyId)).await().indefinitely().iterator().next()
                .getLong("settled_revision");
    }

    @Test
    void lateAnswersToSettledDaysCountAtOnceAndTodaysLeaveWhatIsKept() {
        String surveyId = "settled-" + UUID.randomUUID();
        Instant twentyDaysAgo = Instant.now().minus(20, ChronoUnit.DAYS);
        publish(surveyId, twentyDaysAgo, 10, 30);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(surveyId) == 30);
        assertTrue(settledCounts.countsKeptFor(TENANT, surveyId) > 0, "the settled part of a 60-day query is kept");

        long before = revision(surveyId);
        publish(surveyId, Instant.now(), 0, 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(surveyId) == 32);
        assertEquals(before, revision(surveyId), "today's answers leave the settled revision alone");

        publish(surveyId, twentyDaysAgo, 3, 5);
        // A stale sum would keep answering 32 and this would time out.
        await().atMost(Duration.ofSeconds(60)).until(() -> count(surveyId) == 37);
        assertNotEquals(before, revision(surveyId), "a late answer to a settled day takes a new revision");
    }
}
