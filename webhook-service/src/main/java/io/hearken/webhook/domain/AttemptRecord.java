package io.hearken.webhook.domain;

import java.time.Instant;
import java.util.UUID;

/** One attempt as the log shows it: when, how long, what came back (or why nothing did). */
public record AttemptRecord(long id, UUID subscriptionId, String messageId, int attempt, Instant startedAt,
                            int latencyMillis, Integer status, String error, String responseExcerpt) {
}
