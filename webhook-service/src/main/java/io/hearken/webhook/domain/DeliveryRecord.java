package io.hearken.webhook.domain;

import java.time.Instant;
import java.util.UUID;

/** One message's delivery to one endpoint as the log shows it. */
public record DeliveryRecord(UUID subscriptionId, String messageId, String type, DeliveryState state, int attempts,
                             Instant nextAttemptAt, Integer lastStatus, String lastError, boolean test,
                             Instant createdAt, Instant updatedAt) {
}
