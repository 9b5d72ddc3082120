package io.hearken.profile.messaging;

import io.hearken.common.consumer.DeadLetter;
import io.hearken.common.consumer.DeadLetters;
import io.hearken.common.consumer.EventConsumers;
import io.hearken.testing.ConsumerProgress;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.PostgresSession;
import io.hearken.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.hearken.testing.ObservabilityContract.onManagementPort;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline consumer against faults of every kind, on the real broker and database: an event PostgreSQL can
 * never hold is dead-lettered and the next one applied; a table that is away is waited for, in order, with nothing
 * dead-lettered; a consumer that cannot move makes readiness DOWN; a dead letter redriven after a fix is applied once.
 */
@QuarkusTest
class TimelineConsumerFaultsTest {

    private static final String DEAD_LETTERS = "hearken.dead-letters";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    MeterRegistry metrics;

    @Inject
    DeadLetters deadLetters;

    static String event(String responseId, String tenant, String email, String channel, String comment) {
        return """
                {"responseId": "%s", "surveyId": "survey-1", "tenant": "%s", "channel": "%s", "language": "en",
                 "respondent": {"email": "%s"},
                 "answers": [{"questionId": "nps", "type": "NPS", "score": 9},
                             {"questionId": "reason", "type": "TEXT", "text": "%s"}],
                 "submittedAt": "2026-11-20T10:00:00Z"}
                """.formatted(responseId, tenant, channel, email, comment);
    }

    private void publish(String id, String json) {
        publish(id, "hearken.response.submitted.v1", json);
    }

    private void publish(String id, String type, String json) {
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publisher.publish("hearken.responses", id, type, "survey-1", "acme", json);
        }
    }

    @Inject
    EventConsumers consumers;

    @BeforeEach
    void letTheConsumerCatchUp() {
        ConsumerProgress.awaitCaughtUp(consumers);
    }

    private double count(String metric) {
        return ConsumerProgress.count(metrics, metric, TimelineConsumer.CONSUMER);
    }

    private static void awaitTimeline(String email, String... responseIds) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").queryParam("email", email)
                        .when().get("/v1/profiles")
                        .then().statusCode(200)
                        .body("timeline.responseId", containsInAnyOrder((Object[]) responseIds)));
    }

    @Test
    void deadLettersWhatCanNeverBeAppliedAndAppliesTheNextEvent() {
        String email = "poison." + UUID.randomUUID() + "@example.com";
        String nul = UUID.randomUUID().toString();
        String notJson = UUID.randomUUID().toString();
        String unknownVersion = UUID.randomUUID().toString();
        String valid = UUID.randomUUID().toString();
        double before = count("hearken.events.dead.lettered");
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, DEAD_LETTERS)) {
            // U+0000 in a text: PostgreSQL refuses it for ever (22021), so retrying would stall every tenant.
            publish(nul, event(nul, "acme", email, "web", "ok\\u0000ok"));
            publish(notJson, "{not json");
            publish(unknownVersion, "hearken.response.submitted.v9", event(unknownVersion, "acme", email, "web", "v9"));
            publish(valid, event(valid, "acme", email, "web", "fine"));

            awaitTimeline(email, valid);
            List<ConsumerRecord<String, String>> letters = probe.await(record ->
                    TimelineConsumer.CONSUMER.equals(TopicProbe.header(record, "hearken-dl-consumer"))
                            && Set.of(nul, notJson, unknownVersion).contains(TopicProbe.header(record, "ce_id")),
                    3, Duration.ofSeconds(30));
            assertEquals(3, letters.size(), "every poison event is dead-lettered once");
            for (ConsumerRecord<String, String> letter : letters) {
                assertEquals("hearken.responses", TopicProbe.header(letter, "hearken-dl-topic"));
                assertEquals("acme", TopicProbe.header(letter, "hearken-dl-tenant"));
                assertTrue(TopicProbe.header(letter, "hearken-dl-failed-at") != null);
                String error = TopicProbe.header(letter, "hearken-dl-error");
                String id = TopicProbe.header(letter, "ce_id");
                if (id.equals(nul)) {
                    assertTrue(error.contains("22021") || error.contains("0x00"), error);
                    assertTrue(letter.value().contains("ok\\u0000ok"), "the original record is kept as it was");
                } else if (id.equals(notJson)) {
                    assertEquals("{not json", letter.value());
                } else {
                    assertTrue(error.contains("unknown event type hearken.response.submitted.v9"), error);
                }
            }
        }
        assertEquals(before + 3, count("hearken.events.dead.lettered"), 0.001);
    }

    @Test
    void waitsForATableThatIsAwayAndDeadLettersNothing() {
        String email = "outage." + UUID.randomUUID() + "@example.com";
        String id = UUID.randomUUID().toString();
        double retriedBefore = count("hearken.events.retried");
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, DEAD_LETTERS);
             PostgresSession database = PostgresSession.open()) {
            database.execute("ALTER TABLE touchpoint RENAME TO touchpoint_away");
            try {
                publish(id, event(id, "acme", email, "sms", "during the outage"));
                await().atMost(Duration.ofSeconds(30)).until(() -> count("hearken.events.retried") >= retriedBefore + 2);
            } finally {
                database.execute("ALTER TABLE touchpoint_away RENAME TO touchpoint");
            }
            awaitTimeline(email, id);
            assertEquals(List.of(), probe.collect(record -> id.equals(TopicProbe.header(record, "ce_id")),
                    Duration.ofSeconds(2)), "a transient failure is never dead-lettered");
        }
    }

    @Test
    void readinessIsDownWhileTheConsumerCannotMoveAndUpWhenItDoes() {
        String email = "stall." + UUID.randomUUID() + "@example.com";
        String id = UUID.randomUUID().toString();
        try (PostgresSession database = PostgresSession.open()) {
            database.lockExclusively("touchpoint");
            publish(id, event(id, "acme", email, "chat", "stuck behind a lock"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    onManagementPort(management).when().get("/q/health/ready")
                            .then().statusCode(503)
                            .body("checks.find { it.name == 'Event consumers' }.status", equalTo("DOWN"))
                            .body("checks.find { it.name == 'Event consumers' }.data.'profile-timeline'",
                                    containsString("no progress")));
        }
        awaitTimeline(email, id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                onManagementPort(management).when().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void aDeadLetterRedrivenAfterAFixIsAppliedOnceEvenIfRedrivenTwice() {
        String email = "redrive." + UUID.randomUUID() + "@example.com";
        String id = UUID.randomUUID().toString();
        String channel = "redrive-" + UUID.randomUUID().toString().substring(0, 8);
        DeadLetter second;
        try (PostgresSession database = PostgresSession.open()) {
            // A rule the event breaks (23514, permanent) until it is "fixed" by dropping the rule.
            database.execute("ALTER TABLE touchpoint ADD CONSTRAINT refuse_test_channel CHECK (channel <> '"
                    + channel + "')");
            try {
                publish(id, event(id, "acme", email, channel, "refused until the fix"));
                await().atMost(Duration.ofSeconds(30)).until(() -> !letters(id).isEmpty());
                DeadLetter first = letters(id).get(0);
                assertEquals("acme", first.tenant());
                assertTrue(first.error().contains("23514"), first.error());

                // Redriven before the fix: it fails again, and its new letter still names where it came from.
                assertEquals(1, deadLetters.redrive("acme", TimelineConsumer.CONSUMER,
                        List.of(first.id()), false).size());
                await().atMost(Duration.ofSeconds(30)).until(() -> letters(id).size() == 2);
                second = letters(id).stream().filter(letter -> letter.redrivenAt() == null).findFirst()
                        .orElseThrow();
                assertEquals(first.topic(), second.topic());
                assertEquals(first.partition(), second.partition());
                assertEquals(first.offset(), second.offset());
            } finally {
                database.execute("ALTER TABLE touchpoint DROP CONSTRAINT refuse_test_channel");
            }
        }

        assertEquals(1, deadLetters.redrive("acme", TimelineConsumer.CONSUMER, List.of(second.id()), false)
                .size());
        // Redriven again on purpose: the timeline still shows the response once.
        assertEquals(1, deadLetters.redrive("acme", TimelineConsumer.CONSUMER, List.of(second.id()), true)
                .size());
        awaitTimeline(email, id);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").queryParam("email", email)
                        .when().get("/v1/profiles").then().body("timeline", hasSize(1)));
        assertEquals(2, letters(id).size(), "applied after the fix: no new dead letter");
        assertTrue(letters(id).stream().allMatch(letter -> letter.redrivenAt() != null),
                "the listing shows when each was redriven");
        assertEquals(List.of(), deadLetters.redrive("acme", TimelineConsumer.CONSUMER, List.of(second.id()),
                false), "a letter redriven before is left alone unless asked again");
    }

    private List<DeadLetter> letters(String eventId) {
        return deadLetters.list("acme", TimelineConsumer.CONSUMER).stream()
                .filter(letter -> eventId.equals(letter.eventId()))
                .toList();
    }
}
