package io.hearken.webhook.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.webhook.config.WebhookConfig;
import io.hearken.webhook.domain.DisabledReason;
import io.hearken.webhook.domain.EndpointUrl;
import io.hearken.webhook.domain.Subscription;
import io.hearken.webhook.domain.SubscriptionDraft;
import io.hearken.webhook.domain.SubscriptionStatus;
import io.hearken.webhook.domain.WebhookMessage;
import io.hearken.webhook.domain.WebhookSecret;
import io.hearken.webhook.repository.DeliveryLogRepository;
import io.hearken.webhook.repository.DeliveryRepository;
import io.hearken.webhook.repository.SubscriptionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The webhook API's rules: who sees which subscription (an admin every one of its tenant, a partner its own, anyone
 * else none: 404 like a subscription that does not exist), that an endpoint's host is one deliveries may reach
 * before it is saved, and what enabling, disabling, rotating, testing and redelivering do.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final Duration TEST_WAIT_MARGIN = Duration.ofSeconds(2);

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final DeliveryLogRepository log;
    private final EndpointGuard guard;
    private final MessageWriter messages;
    private final Dispatcher dispatcher;
    private final WebhookConfig config;

    public SubscriptionService(SubscriptionRepository subscriptions, DeliveryRepository deliveries,
                               DeliveryLogRepository log, EndpointGuard guard, MessageWriter messages,
                               Dispatcher dispatcher, WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.log = log;
        this.guard = guard;
        this.messages = messages;
        this.dispatcher = dispatcher;
        this.config = config;
    }

    public boolean httpsOnly() {
        return config.httpsOnly();
    }

    public Uni<Subscription> create(String tenant, String caller, SubscriptionDraft draft) {
        Instant now = Instant.now();
        boolean enabled = !Boolean.FALSE.equals(draft.enabled());
        Subscription subscription = new Subscription(UUID.randomUUID(), tenant, caller, draft.url().toString(),
                Objects.requireNonNullElse(draft.description(), ""), draft.eventTypes(),
                enabled ? SubscriptionStatus.ACTIVE : SubscriptionStatus.DISABLED,
                enabled ? null : DisabledReason.MANUAL, enabled ? null : now,
                draft.secret() == null ? WebhookSecret.generate() : draft.secret(), null, null, 0, null, null, now,
                now);
        return reachable(draft.url()).chain(() -> subscriptions.insert(subscription));
    }

    /** A page of the subscriptions the caller may manage, oldest first, after {@code afterCreated}/{@code afterId}. */
    public Uni<List<Subscription>> list(String tenant, String caller, Instant afterCreated, UUID afterId, int limit) {
        return subscriptions.list(tenant, isAdmin(caller) ? null : caller, afterCreated, afterId, limit);
    }

    /** The subscription, if the caller may manage it; 404 otherwise, as if it did not exist. */
    public Uni<Subscription> get(String tenant, String caller, UUID id) {
        return subscriptions.find(tenant, id)
                .map(found -> found.filter(subscription -> subscription.manageableBy(caller))
                        .orElseThrow(() -> ProblemException.notFound("Subscription", id.toString())));
    }

    /**
     * Applies a change: a new URL is checked like a new subscription's; enabling clears the failure count (pending
     * deliveries resume), disabling by hand keeps them until it is enabled again.
     */
    public Uni<Subscription> update(String tenant, String caller, UUID id, SubscriptionDraft change) {
        return get(tenant, caller, id).chain(current -> {
            Instant now = Instant.now();
            SubscriptionStatus status = current.status();
            DisabledReason reason = current.disabledReason();
            Instant disabledAt = current.disabledAt();
            int failures = current.consecutiveFailures();
            Instant failingSince = current.failingSince();
            if (Boolean.TRUE.equals(change.enabled()) && status != SubscriptionStatus.ACTIVE) {
                status = SubscriptionStatus.ACTIVE;
                reason = null;
                disabledAt = null;
                failures = 0;
                failingSince = null;
            } else if (Boolean.FALSE.equals(change.enabled()) && status == SubscriptionStatus.ACTIVE) {
                status = SubscriptionStatus.DISABLED;
                reason = DisabledReason.MANUAL;
                disabledAt = now;
            }
            Subscription changed = new Subscription(current.id(), tenant, current.owner(),
                    change.url() == null ? current.url() : change.url().toString(),
                    Objects.requireNonNullElse(change.description(), current.description()),
                    change.eventTypes() == null ? current.eventTypes() : change.eventTypes(), status, reason,
                    disabledAt, current.secret(), current.previousSecret(), current.previousSecretUntil(), failures,
                    failingSince, current.lastSuccessAt(), current.createdAt(), now);
            Uni<Void> checked = change.url() == null ? Uni.createFrom().voidItem() : reachable(change.url());
            return checked.chain(() -> subscriptions.update(changed))
                    .map(updated -> updated.orElseThrow(() -> ProblemException.notFound("Subscription",
                            id.toString())))
                    .invoke(updated -> {
                        if (updated.status() == SubscriptionStatus.ACTIVE) {
                            dispatcher.wake();
                        }
                    });
        });
    }

    public Uni<Void> delete(String tenant, String caller, UUID id) {
        return get(tenant, caller, id).chain(found -> subscriptions.delete(tenant, id)).replaceWithVoid();
    }

    /**
     * A new secret signs from now on; the current one keeps signing too for {@code overlap} (both signatures in
     * every {@code webhook-signature}), so the receiver can switch without refusing a message.
     */
    public Uni<Subscription> rotateSecret(String tenant, String caller, UUID id, WebhookSecret secret,
                                          Duration overlap) {
        return get(tenant, caller, id).chain(current -> {
            Instant now = Instant.now();
            Duration kept = overlap == null ? config.secretOverlap() : overlap;
            Subscription rotated = new Subscription(current.id(), tenant, current.owner(), current.url(),
                    current.description(), current.eventTypes(), current.status(), current.disabledReason(),
                    current.disabledAt(), secret == null ? WebhookSecret.generate() : secret,
                    kept.isZero() ? null : current.secret(), kept.isZero() ? null : now.plus(kept),
                    current.consecutiveFailures(), current.failingSince(), current.lastSuccessAt(),
                    current.createdAt(), now);
            return subscriptions.update(rotated).map(updated -> updated.orElseThrow(
                    () -> ProblemException.notFound("Subscription", id.toString())));
        });
    }

    /**
     * Sends a test message now, once (never retried, never counted toward disabling), and waits for its attempt up
     * to the attempt timeout; the log then shows it like any other delivery.
     */
    public Uni<DeliveryLogRepository.DeliveredMessage> testSend(String tenant, String caller, UUID id) {
        return get(tenant, caller, id).chain(subscription -> {
            if (subscription.status() != SubscriptionStatus.ACTIVE) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "The subscription is disabled; enable it to send a test message."));
            }
            WebhookMessage test = messages.test(tenant, id, Instant.now());
            Instant deadline = Instant.now().plus(config.attemptTimeout()).plus(TEST_WAIT_MARGIN);
            return deliveries.enqueueTest(id, test)
                    .invoke(dispatcher::wake)
                    .chain(() -> awaitAttempt(id, test.id(), deadline));
        });
    }

    private Uni<DeliveryLogRepository.DeliveredMessage> awaitAttempt(UUID id, String messageId, Instant deadline) {
        return log.message(id, messageId).chain(found -> {
            DeliveryLogRepository.DeliveredMessage delivered = found.orElseThrow();
            if (delivered.delivery().attempts() > 0 || Instant.now().isAfter(deadline)) {
                return Uni.createFrom().item(delivered);
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(50))
                    .chain(() -> awaitAttempt(id, messageId, deadline));
        });
    }

    public Uni<Void> redeliver(String tenant, String caller, UUID id, String messageId) {
        return get(tenant, caller, id).chain(subscription -> deliveries.redeliver(id, messageId))
                .invoke(found -> {
                    if (!found) {
                        throw ProblemException.notFound("Message", messageId);
                    }
                    dispatcher.wake();
                })
                .replaceWithVoid();
    }

    public Uni<Integer> redeliverSince(String tenant, String caller, UUID id, Instant since, boolean onlyFailed) {
        return get(tenant, caller, id)
                .chain(subscription -> deliveries.redeliverSince(subscription, since, onlyFailed))
                .invoke(dispatcher::wake);
    }

    private Uni<Void> reachable(EndpointUrl url) {
        return guard.admit(url)
                .onFailure(EndpointGuard.RefusedEndpointException.class)
                .transform(refused -> ProblemException.invalidField("url", "is not reachable for deliveries: "
                        + refused.getMessage()))
                .replaceWithVoid();
    }

    private static boolean isAdmin(String caller) {
        return caller != null && caller.startsWith("admin:");
    }
}
