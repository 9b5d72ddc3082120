package io.hearken.webhook.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.webhook.domain.DisabledEndpoint;
import io.hearken.webhook.domain.EventType;
import io.hearken.webhook.domain.WebhookMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes messages in the shape every payload has (docs/webhooks.md): {@code {"type", "timestamp", "data"}}, the
 * structure the Standard Webhooks spec recommends, with the type by its partner name and the time the event
 * happened.
 */
@ApplicationScoped
public class MessageWriter {

    private final ObjectMapper json;

    public MessageWriter(ObjectMapper json) {
        this.json = json;
    }

    /** The message of an event; {@code eventId} makes its id, so the same event always makes the same message. */
    public WebhookMessage message(String tenant, String eventId, String type, Instant occurredAt,
                                  Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", occurredAt.toString());
        payload.put("data", data);
        try {
            return new WebhookMessage(WebhookMessage.idFor(tenant, type, eventId), tenant, type, eventId,
                    json.writeValueAsString(payload), occurredAt);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", impossible);
        }
    }

    /** The announcement that an endpoint was disabled, to the tenant's endpoints listening for it. */
    public WebhookMessage disabled(DisabledEndpoint endpoint) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionId", endpoint.subscriptionId().toString());
        data.put("url", endpoint.url());
        data.put("reason", endpoint.reason().stored());
        data.put("consecutiveFailures", endpoint.consecutiveFailures());
        data.put("disabledAt", endpoint.disabledAt().toString());
        return message(endpoint.tenant(), "disabled:" + endpoint.subscriptionId() + ":" + endpoint.disabledAt(),
                EventType.ENDPOINT_DISABLED.wireName(), endpoint.disabledAt(), data);
    }

    /** A test message for one endpoint: a new id each time, since each test send is a message of its own. */
    public WebhookMessage test(String tenant, UUID subscriptionId, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionId", subscriptionId.toString());
        data.put("message", "A test message from Hearken: your endpoint is reachable and can verify signatures.");
        return message(tenant, "test:" + UUID.randomUUID(), EventType.TEST, now, data);
    }
}
