package io.hearken.webhook.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A webhook endpoint of a tenant: where to send which event types, signed with which secret. During a secret
 * rotation the previous secret signs too, until {@code previousSecretUntil}, so a receiver can switch at its pace.
 */
public record Subscription(UUID id, String tenant, String owner, String url, String description,
                           Set<EventType> eventTypes, SubscriptionStatus status, DisabledReason disabledReason,
                           Instant disabledAt, WebhookSecret secret, WebhookSecret previousSecret,
                           Instant previousSecretUntil, int consecutiveFailures, Instant failingSince,
                           Instant lastSuccessAt, Instant createdAt, Instant updatedAt) {

    /** The secrets that sign a message sent at {@code now}: the current one, and the previous one in its overlap. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        return signingSecrets(secret, previousSecret, previousSecretUntil, now);
    }

    public static List<WebhookSecret> signingSecrets(WebhookSecret secret, WebhookSecret previous,
                                                     Instant previousUntil, Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previous != null && previousUntil != null && now.isBefore(previousUntil)) {
            secrets.add(previous);
        }
        return secrets;
    }

    /** Whether {@code caller} ({@code role:subject}) may see and change it: an admin of its tenant, or its owner. */
    public boolean manageableBy(String caller) {
        return caller != null && (caller.startsWith("admin:") || caller.equals(owner));
    }
}
