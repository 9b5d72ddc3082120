package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.testing.ConsumerProgress;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rollups, answers and analysed texts alike, are a pure function of the events: rebuilt from the topic's first offset into empty tables, by a
 * consumer that has never seen them, they are the same counter for counter.
 */
@QuarkusTest
class RollupReplayTest {

    private static final String[] COMMENTS = {"Delivery was late and support never answered.",
        "配達が早くてとても満足です。", "客服态度很差，我要退款。", "店員的服務非常好。", "The app is fine."};

    @Inject
    Pool pool;

    @Inject
    EventConsumers consumers;

    @Inject
    ResponseScoreConsumer scoreConsumer;

    /** Every answer and text counter of the tenant, in key order. */
    private List<String> rollupsOf(String tenant) {
        List<String> counters = new ArrayList<>();
        counters.addAll(rows("""
                select * from answer_rollup where tenant = $1
                order by survey_id, sliced, grain, bucket, question_id, question_type, scale_min, scale_max,
                    survey_version, channel, touchpoint, journey_stage, locale, value""", tenant));
        counters.addAll(rows("""
                select * from text_rollup where tenant = $1
                order by origin, origin_id, sliced, grain, bucket, question_id, survey_version, channel, touchpoint,
                    journey_stage, locale, topic""", tenant));
        return counters;
    }

    private List<String> rows(String sql, String tenant) {
        List<String> counters = new ArrayList<>();
        for (Row row : pool.preparedQuery(sql).execute(Tuple.of(tenant)).await().indefinitely()) {
            StringBuilder counter = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                Object value = row.getValue(column);
                counter.append(value instanceof Object[] array ? Arrays.toString(array) : value).append('|');
            }
            counters.add(counter.toString());
        }
        return counters;
    }

    private static String response(String id, String tenant, String surveyId, Random random) {
        return """
                {"responseId": "%s", "surveyId": "%s", "surveyVersion": %d, "tenant": "%s", "channel": "%s",
                 "language": "en", "answers": [
                   {"questionId": "nps", "type": "NPS", "score": %d, "scaleMin": 0, "scaleMax": 10},
                   {"questionId": "grid", "type": "MATRIX", "rows": {"speed": %d, "price": %d},
                    "scaleMin": 1, "scaleMax": 5},
                   {"questionId": "plan", "type": "SINGLE_CHOICE", "choices": ["%s"]},
                   {"questionId": "why", "type": "TEXT", "text": "%s"}],
                 "submittedAt": "%s"}
                """.formatted(id, surveyId, 1 + random.nextInt(2), tenant, random.nextBoolean() ? "web" : "kiosk",
                random.nextInt(11), 1 + random.nextInt(5), 1 + random.nextInt(5),
                random.nextBoolean() ? "basic" : "pro", COMMENTS[random.nextInt(COMMENTS.length)],
                Instant.parse("2026-08-01T00:00:00Z").plusSeconds(random.nextInt(120 * 86_400)));
    }

    @Test
    void aRebuildFromTheFirstOffsetGivesTheSameRollups() {
        String tenant = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        String[] surveys = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            for (int i = 0; i < 300; i++) {
                String id = UUID.randomUUID().toString();
                String surveyId = surveys[i % 2];
                ids.add(id);
                publisher.publish(Topics.RESPONSES, id, EventTypes.RESPONSE_SUBMITTED, surveyId, tenant,
                        response(id, tenant, surveyId, random));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> pool.preparedQuery(
                        "select count(*) from processed_event where consumer = $1 and event_id = any($2)")
                .execute(Tuple.of(ResponseScoreConsumer.CONSUMER, ids.toArray(String[]::new)))
                .await().indefinitely().iterator().next().getLong(0) == ids.size());
        ConsumerProgress.awaitCaughtUp(consumers);
        List<String> live = rollupsOf(tenant);
        assertFalse(live.isEmpty());
        assertTrue(live.stream().anyMatch(counter -> counter.startsWith(tenant + "|journey|")));

        // Empty the tenant's rollups and forget its events, then replay the topic from offset 0 with a new group:
        // the live consumer is past these events, so only the replay counts them, each once.
        pool.preparedQuery("delete from answer_rollup where tenant = $1").execute(Tuple.of(tenant))
                .await().indefinitely();
        pool.preparedQuery("delete from text_rollup where tenant = $1").execute(Tuple.of(tenant))
                .await().indefinitely();
        pool.preparedQuery("delete from processed_event where consumer = $1 and event_id = any($2)")
                .execute(Tuple.of(ResponseScoreConsumer.CONSUMER, ids.toArray(String[]::new))).await().indefinitely();
        assertEquals(List.of(), rollupsOf(tenant));
        consumers.start("insight-rollups-replay-" + tenant, List.of(Topics.RESPONSES), scoreConsumer);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertEquals(live, rollupsOf(tenant)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertEquals(live, rollupsOf(tenant)));
    }
}
