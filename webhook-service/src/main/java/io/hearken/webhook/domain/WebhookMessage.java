package io.hearken.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One thing said to a tenant's endpoints: its {@code webhook-id}, its type, the event it came from and the exact
 * payload that is signed and sent. The id is derived from the tenant, the type and the event's id, so reading the
 * same event again (after a crash, a redrive) yields the same message, never a second one.
 */
public record WebhookMessage(String id, String tenant, String type, String eventId, String payload,
                             Instant createdAt) {

    public static final String ID_PREFIX = "msg_";

    public static String idFor(String tenant, String type, String eventId) {
        UUID name = UUID.nameUUIDFromBytes((tenant + '\n' + type + '\n' + eventId).getBytes(StandardCharsets.UTF_8));
        return ID_PREFIX + name.toString().replace("-", "");
    }
}
