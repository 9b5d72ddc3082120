package io.hearken.webhook.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery this instance holds the lease of: the message to send, where, signed with which secrets, and how many
 * attempts came before. The lease keeps other instances off it; if this one dies, the lease runs out and another
 * sends the same message (same {@code webhook-id}) again.
 */
public record ClaimedDelivery(UUID subscriptionId, String tenant, String url, List<WebhookSecret> secrets,
                              String messageId, String type, String payload, Instant createdAt,
                              int attemptsBefore, boolean test) {
}
