package io.hearken.webhook.messaging;

import io.hearken.webhook.domain.EventType;

import java.time.Instant;
import java.util.Map;

/** What a platform event says to partners: its type by partner names, when it happened, and the thin data. */
record PartnerEvent(String tenant, String eventId, EventType type, Instant occurredAt, Map<String, Object> data) {
}
