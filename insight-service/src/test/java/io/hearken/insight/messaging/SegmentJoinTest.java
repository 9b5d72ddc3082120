package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.testing.ConsumerProgress;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Scores by segment are a join of two topics read by two consumers at their own pace: a response and its attribution
 * to the customer's segments count the same whichever is read first, once however often either is delivered, and a
 * rebuild from both topics' first offsets, in another order than the live run, gives the same rows.
 */
@QuarkusTest
class SegmentJoinTest {

    @Inject
    Pool pool;

    @Inject
    EventConsumers consumers;

    @Inject
    ResponseScoreConsumer scoreConsumer;

    @Inject
    SegmentAttributionConsumer segmentConsumer;

    private final String tenant = "segments-" + UUID.randomUUID().toString().substring(0, 8);
    private final String surveyId = UUID.randomUUID().toString();
    private final String gold = UUID.randomUUID().toString();
    private final String vip = UUID.randomUUID().toString();
    private final List<String> responseIds = new ArrayList<>();
    private final List<String> attributionIds = new ArrayList<>();

    private String response(EventPublisher publisher, String responseId, String customerId, int nps, String channel) {
        String respondent = customerId == null ? "null"
                : "{\"customerId\": \"" + customerId + "\", \"verified\": true}";
        publisher.publish(Topics.RESPONSES, responseId, EventTypes.RESPONSE_SUBMITTED, surveyId, tenant, """
                {"responseId": "%s", "surveyId": "%s", "surveyVersion": 1, "tenant": "%s", "channel": "%s",
                 "language": "en", "respondent": %s, "answers": [
                   {"questionId": "nps", "type": "NPS", "score": %d, "scaleMin": 0, "scaleMax": 10},
                   {"questionId": "plan", "type": "SINGLE_CHOICE", "choices": ["pro"]}],
                 "completed": true, "submittedAt": "2026-11-10T10:00:00Z"}
                """.formatted(responseId, surveyId, tenant, channel, respondent, nps));
        if (!responseIds.contains(responseId)) {
            responseIds.add(responseId);
        }
        return responseId;
    }

    private String attribution(EventPublisher publisher, String responseId, String... segments) {
        String eventId = UUID.nameUUIDFromBytes(("attributed:" + responseId).getBytes()).toString();
        String profileId = UUID.nameUUIDFromBytes(("profile:" + responseId).getBytes()).toString();
        publisher.publishKeyed(Topics.PROFILES, profileId, eventId, EventTypes.RESPONSE_ATTRIBUTED, profileId, tenant,
                """
                {"eventId": "%s", "tenant": "%s", "responseId": "%s", "surveyId": "%s", "profileId": "%s",
                 "segments": [%s], "occurredAt": "2026-11-10T10:00:01Z"}""".formatted(eventId, tenant, responseId,
                        surveyId, profileId, String.join(", ", Arrays.stream(segments).map(id -> "\"" + id + "\"")
                                .toList())));
        if (!attributionIds.contains(eventId)) {
            attributionIds.add(eventId);
        }
        return eventId;
    }

    private void awaitApplied(String consumer, String eventId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> pool.preparedQuery(
                        "select 1 from processed_event where consumer = $1 and event_id = $2")
                .execute(Tuple.of(consumer, eventId)).await().indefinitely().size() == 1);
    }

    /** The tenant's waiting halves: response id → "answers" or "segments". */
    private Map<String, String> waiting() {
        Map<String, String> halves = new HashMap<>();
        for (Row row : pool.preparedQuery("select response_id, answers is not null as answered, segments "
                + "from segment_join where tenant = $1").execute(Tuple.of(tenant)).await().indefinitely()) {
            halves.put(row.getString("response_id"), row.getBoolean("answered") ? "answers"
                    : "segments " + Arrays.toString(row.getArrayOfStrings("segments")));
        }
        return halves;
    }

    private List<String> rollups() {
        List<String> counters = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                        select * from answer_rollup where tenant = $1
                        order by survey_id, sliced, segment, grain, bucket, question_id, question_type, scale_min,
                            scale_max, survey_version, channel, touchpoint, journey_stage, locale, value""")
                .execute(Tuple.of(tenant)).await().indefinitely()) {
            StringBuilder counter = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                Object value = row.getValue(column);
                counter.append(value instanceof Object[] array ? Arrays.toString(array) : value).append('|');
            }
            counters.add(counter.toString());
        }
        return counters;
    }

    private JsonPath nps(Map<String, String> slice) {
        Map<String, String> query = new HashMap<>(slice);
        query.putAll(Map.of("from", "2026-11-01", "to", "2026-11-30", "question", "nps"));
        return given().header("X-Hearken-Tenant", tenant).queryParams(query)
                .when().get("/v1/surveys/{id}/scores", surveyId)
                .then().statusCode(200).extract().jsonPath();
    }

    private void assertNps(Map<String, String> slice, int count, Double value) {
        JsonPath scores = nps(slice);
        if (count == 0) {
            assertEquals(List.of(), scores.getList("questions"), slice.toString());
            return;
        }
        assertEquals(count, scores.getInt("questions[0].count"), slice.toString());
        assertEquals(value, scores.getDouble("questions[0].scores.find { it.name == 'nps' }.value"), 1e-9,
                slice.toString());
    }

    @Test
    void aResponseCountsInItsCustomersSegmentsWhicheverHalfComesFirstOnceAndAgainInAReplay() {
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            // The response first: it waits for its attribution, which completes it.
            String first = response(publisher, UUID.randomUUID().toString(), "C-1", 9, "web");
            awaitApplied(ResponseScoreConsumer.CONSUMER, first);
            assertEquals(Map.of(first, "answers"), waiting());
            awaitApplied(SegmentAttributionConsumer.CONSUMER, attribution(publisher, first, gold, vip));
            assertEquals(Map.of(), waiting());

            // The attribution first: it waits for its response.
            String second = UUID.randomUUID().toString();
            awaitApplied(SegmentAttributionConsumer.CONSUMER, attribution(publisher, second, gold));
            assertEquals(Map.of(second, "segments [" + gold + "]"), waiting());
            awaitApplied(ResponseScoreConsumer.CONSUMER, response(publisher, second, "C-2", 3, "kiosk"));
            assertEquals(Map.of(), waiting());

            // Anonymous: never attributed, never waits. In no segment: joins and adds nothing.
            awaitApplied(ResponseScoreConsumer.CONSUMER, response(publisher, UUID.randomUUID().toString(), null, 0,
                    "web"));
            String unsegmented = response(publisher, UUID.randomUUID().toString(), "C-4", 7, "web");
            awaitApplied(SegmentAttributionConsumer.CONSUMER, attribution(publisher, unsegmented));
            awaitApplied(ResponseScoreConsumer.CONSUMER, unsegmented);
            String fifth = response(publisher, UUID.randomUUID().toString(), "C-5", 10, "web");
            attribution(publisher, fifth, vip);

            // Both halves of the first response delivered again: nothing more counts.
            response(publisher, first, "C-1", 9, "web");
            attribution(publisher, first, gold, vip);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertNps(Map.of("segment", vip), 2, 100.0));
        ConsumerProgress.awaitCaughtUp(consumers);
        assertEquals(Map.of(), waiting());

        assertNps(Map.of(), 5, 0.0);
        assertNps(Map.of("segment", gold), 2, 0.0);
        assertNps(Map.of("segment", gold, "channel", "kiosk"), 1, -100.0);
        assertNps(Map.of("segment", vip, "channel", "kiosk"), 0, null);
        assertNps(Map.of("segment", UUID.randomUUID().toString()), 0, null);
        JsonPath goldScores = nps(Map.of("segment", gold));
        assertEquals(gold, goldScores.getString("slice.segment"));
        assertNull(nps(Map.of()).getString("slice.segment"));
        JsonPath trend = given().header("X-Hearken-Tenant", tenant)
                .queryParams(Map.of("question", "nps", "granularity", "month", "from", "2026-10-01",
                        "to", "2026-11-30", "segment", vip))
                .when().get("/v1/surveys/{id}/trend", surveyId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, trend.getInt("series[0].points[0].count"));
        assertEquals(2, trend.getInt("series[0].points[1].count"));

        // Rebuild from offset 0 in the other order: every attribution is read (and waits) before any response.
        List<String> live = rollups();
        assertFalse(live.isEmpty());
        pool.preparedQuery("delete from answer_rollup where tenant = $1").execute(Tuple.of(tenant))
                .await().indefinitely();
        pool.preparedQuery("delete from text_rollup where tenant = $1").execute(Tuple.of(tenant))
                .await().indefinitely();
        pool.preparedQuery("delete from processed_event where (consumer = $1 and event_id = any($2)) "
                        + "or (consumer = $3 and event_id = any($4))")
                .execute(Tuple.of(ResponseScoreConsumer.CONSUMER, responseIds.toArray(String[]::new),
                        SegmentAttributionConsumer.CONSUMER, attributionIds.toArray(String[]::new)))
                .await().indefinitely();
        consumers.start("insight-segments-replay-" + tenant, List.of(Topics.PROFILES), segmentConsumer);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertEquals(4, waiting().size()));
        consumers.start("insight-rollups-replay-" + tenant, List.of(Topics.RESPONSES), scoreConsumer);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertEquals(live, rollups()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertEquals(live, rollups()));
        assertEquals(Map.of(), waiting());
    }
}
