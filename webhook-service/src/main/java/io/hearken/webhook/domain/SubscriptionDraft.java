package io.hearken.webhook.domain;

import java.util.Set;

/**
 * What a caller asks a subscription to be, already read and checked for form (the URL parsed, the types known, the
 * secret well-formed); null fields of a change leave the subscription's own as they are.
 */
public record SubscriptionDraft(EndpointUrl url, Set<EventType> eventTypes, String description,
                                WebhookSecret secret, Boolean enabled) {
}
