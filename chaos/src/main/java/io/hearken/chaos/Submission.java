package io.hearken.chaos;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One response the load generator means to have kept, and what became of it. It is retried with the same
 * idempotency key until it is acknowledged, refused for good (4xx) or its retry window closes.
 */
public final class Submission {

    public enum Outcome { PENDING, ACKNOWLEDGED, REJECTED, GAVE_UP }

    final String phase;
    final String surveyId;
    final String idempotencyKey;
    final String email;
    final int score;
    final String channel;
    /** Saves its progress first (no score yet), then completes under the same key: it must count once. */
    final boolean savesProgressFirst;
    volatile boolean progressSaved;
    final long startedAtNanos;
    final AtomicInteger attempts = new AtomicInteger();
    volatile Outcome outcome = Outcome.PENDING;
    volatile String responseId;
    volatile long acknowledgedAtNanos;

    Submission(String phase, String surveyId, String idempotencyKey, String email, int score, String channel,
               boolean savesProgressFirst) {
        this.savesProgressFirst = savesProgressFirst;
        this.phase = phase;
        this.surveyId = surveyId;
        this.idempotencyKey = idempotencyKey;
        this.email = email;
        this.score = score;
        this.channel = channel;
        this.startedAtNanos = System.nanoTime();
    }

    public String responseId() {
        return responseId;
    }
}
