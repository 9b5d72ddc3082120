package io.hearken.common.consumer;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the consumer loop retries and what it dead-letters, and how long it waits between attempts. */
class FailureClassificationTest {

    private static PgException postgres(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, "detail");
    }

    @Test
    void dataAndRowIntegrityErrorsArePermanent() {
        assertTrue(PostgresFailures.isPermanent(postgres("22021")), "U+0000 in text");
        assertTrue(PostgresFailures.isPermanent(postgres("22001")), "value too long");
        assertTrue(PostgresFailures.isPermanent(postgres("23514")), "check violation");
        assertTrue(PostgresFailures.isPermanent(new RuntimeException("wrapped", new SQLException("x", "23502"))));
    }

    @Test
    void anOutageARaceOrOurOwnBugIsRetried() {
        assertFalse(PostgresFailures.isPermanent(postgres("23505")), "two instances inserting the same row");
        assertFalse(PostgresFailures.isPermanent(postgres("42P01")), "a table away or a bug a deployment fixes");
        assertFalse(PostgresFailures.isPermanent(postgres("57P01")), "the server shutting down");
        assertFalse(PostgresFailures.isPermanent(new ConnectException("Connection refused")));
    }

    @Test
    void anEventThatBreaksTheContractIsPermanentWhereverItIsWrapped() {
        assertTrue(PostgresFailures.isPermanent(new IllegalStateException(new PermanentEventFailure("NPS 11"))));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Duration initial = Duration.ofMillis(250);
        Duration max = Duration.ofSeconds(10);
        assertEquals(Duration.ofMillis(250), ConsumerLoop.backoff(1, initial, max));
        assertEquals(Duration.ofMillis(500), ConsumerLoop.backoff(2, initial, max));
        assertEquals(Duration.ofMillis(4000), ConsumerLoop.backoff(5, initial, max));
        assertEquals(max, ConsumerLoop.backoff(7, initial, max));
        assertEquals(max, ConsumerLoop.backoff(1000, initial, max));
    }
}
