package io.hearken.insight.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.testing.ConsumerProgress;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.hearken.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A customer's erasure on the real broker and database: recorded once by its id, however often it comes, and
 * answered on {@code hearken.profiles} with a receipt saying insight-service held nothing of theirs.
 */
@QuarkusTest
class ErasureConsumerTest {

    @Inject
    EventConsumers consumers;

    @Inject
    Pool pool;

    @BeforeEach
    void letTheConsumersCatchUp() {
        ConsumerProgress.awaitCaughtUp(consumers);
    }

    @Test
    void recordsAnErasureOnceAndAnswersWithAReceiptOfNothingHeld() {
        String erasureId = UUID.randomUUID().toString();
        String profileId = "p-" + UUID.randomUUID();
        // An address of its own: the run's broker carries other tests' responses, whose customers insight-service
        // keeps signals about (churn risk), and an erasure naming one of them would erase those too.
        String email = "erased-" + UUID.randomUUID() + "@example.com";
        Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String erasure = """
                {"erasureId": "%s", "tenant": "acme", "profileId": "%s",
                 "identities": [{"kind": "email", "value": "%s"}], "erasedAt": "%s"}
                """.formatted(erasureId, profileId, email, erasedAt);
        try (TopicProbe probe = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.PROFILES);
             EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            publisher.publish(Topics.PROFILES, profileId, EventTypes.PROFILE_ERASED, profileId, "acme", erasure);

            List<ConsumerRecord<String, String>> receipts = probe.await(record ->
                    EventTypes.PROFILE_ERASURE_COMPLETED.equals(TopicProbe.header(record, "ce_type"))
                            && (erasureId + ":insight-service").equals(TopicProbe.header(record, "ce_id")),
                    1, Duration.ofSeconds(30));
            assertFalse(receipts.isEmpty(), "a receipt for erasure " + erasureId);
            ConsumerRecord<String, String> receipt = receipts.get(0);
            assertEquals(profileId, receipt.key());
            assertEquals("acme", TopicProbe.header(receipt, "ce_tenant"));
            JsonPath data = JsonPath.from(receipt.value());
            assertEquals(erasureId, data.getString("erasureId"));
            assertEquals(profileId, data.getString("profileId"));
            assertEquals("insight-service", data.getString("service"));
            assertEquals(0, data.getLong("itemsErased"));
            List<Row> first = rows(erasureId);
            assertEquals(1, first.size());

            // The same erasure again, as after a crash before the position was saved: still one record, as applied.
            publisher.publish(Topics.PROFILES, profileId, EventTypes.PROFILE_ERASED, profileId, "acme", erasure);
            probe.await(record -> (erasureId + ":insight-service").equals(TopicProbe.header(record, "ce_id")), 2,
                    Duration.ofSeconds(30));
            ConsumerProgress.awaitCaughtUp(consumers);
            List<Row> again = rows(erasureId);
            assertEquals(1, again.size());
            Row row = again.get(0);
            assertEquals("acme", row.getString("tenant"));
            assertEquals(profileId, row.getString("profile_id"));
            assertEquals(erasedAt, row.getOffsetDateTime("erased_at").toInstant());
            assertEquals(first.get(0).getOffsetDateTime("applied_at"), row.getOffsetDateTime("applied_at"));
        }
    }

    private List<Row> rows(String erasureId) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("select tenant, profile_id, erased_at, applied_at from erasure where erasure_id = $1")
                .execute(Tuple.of(erasureId)).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }
}
