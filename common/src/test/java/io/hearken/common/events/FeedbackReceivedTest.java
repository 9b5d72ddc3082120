package io.hearken.common.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackReceivedTest {

    private static FeedbackReceived feedback(Instant postedAt, Integer rating) {
        return new FeedbackReceived("f-1", "acme", "app-store", "r-1", "mika", rating, 5, "fine", null, "en",
                postedAt, Instant.parse("2026-11-20T10:05:00Z"));
    }

    @Test
    void anEventWithoutItsTimesBreaksTheContract() {
        // A consumer would fail on it at every attempt; it is dead-lettered instead of stalling the topic.
        assertEquals("no postedAt or receivedAt", feedback(null, 4).invalidity().orElseThrow());
    }

    @Test
    void aCompleteEventKeepsTheContract() {
        assertTrue(feedback(Instant.parse("2026-11-20T10:00:00Z"), 4).invalidity().isEmpty());
        assertTrue(feedback(Instant.parse("2026-11-20T10:00:00Z"), 6).invalidity().isPresent());
    }
}
