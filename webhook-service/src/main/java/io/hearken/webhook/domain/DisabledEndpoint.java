package io.hearken.webhook.domain;

import java.time.Instant;
import java.util.UUID;

/** An endpoint that was just disabled without its owner asking, to be announced to the tenant's other endpoints. */
public record DisabledEndpoint(UUID subscriptionId, String tenant, String url, DisabledReason reason,
                               int consecutiveFailures, Instant disabledAt) {
}
