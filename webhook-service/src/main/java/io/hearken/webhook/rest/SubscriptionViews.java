package io.hearken.webhook.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import io.hearken.webhook.domain.AttemptRecord;
import io.hearken.webhook.domain.DeliveryRecord;
import io.hearken.webhook.domain.EndpointUrl;
import io.hearken.webhook.domain.EventType;
import io.hearken.webhook.domain.Subscription;
import io.hearken.webhook.domain.SubscriptionDraft;
import io.hearken.webhook.domain.WebhookSecret;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The webhook API's request and answer records, and the mappers between them and the domain. */
final class SubscriptionViews {

    static final int MAX_DESCRIPTION = 500;

    private SubscriptionViews() {
    }

    /** A new subscription: {@code url} and {@code eventTypes} required; a {@code secret} only to bring one's own. */
    record SubscriptionRequest(String url, List<String> eventTypes, String description, String secret,
                               Boolean enabled) {
    }

    /** A change: only the fields given change. */
    record SubscriptionChange(String url, List<String> eventTypes, String description, Boolean enabled) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubscriptionView(UUID id, String url, String description, List<String> eventTypes, String status,
                            String disabledReason, Instant disabledAt, int consecutiveFailures,
                            Instant failingSince, Instant lastSuccessAt, Instant previousSecretValidUntil,
                            Instant createdAt, Instant updatedAt, String secret) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SecretView(String secret, Instant previousSecretValidUntil) {
    }

    /** A rotation: the new secret (generated when absent) and how long the old one keeps signing (ISO-8601). */
    record RotateRequest(String secret, String overlap) {
    }

    record RedeliverRequest(Instant since, Boolean onlyFailed) {
    }

    record Scheduled(int scheduled) {
    }

    record EventTypeView(String name, String description) {
    }

    record EventTypeList(List<EventTypeView> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryView(String messageId, String type, String state, int attempts, Instant nextAttemptAt,
                        Integer lastStatus, String lastError, boolean test, Instant createdAt, Instant updatedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttemptView(long id, String messageId, int attempt, Instant startedAt, int latencyMillis, Integer status,
                       String error, String responseExcerpt) {
    }

    /** One message as delivered to the subscription: its delivery, the exact payload sent, and its attempts. */
    record MessageView(DeliveryView delivery, @JsonRawValue String payload, List<AttemptView> attempts) {
    }

    static SubscriptionDraft newSubscription(SubscriptionRequest request, boolean httpsOnly) {
        if (request == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        EndpointUrl url = url(request.url(), httpsOnly, errors);
        Set<EventType> types = eventTypes(request.eventTypes(), errors);
        String description = description(request.description(), errors);
        WebhookSecret secret = null;
        if (request.secret() != null) {
            try {
                secret = WebhookSecret.parse(request.secret());
            } catch (IllegalArgumentException invalid) {
                errors.add(new Problem.FieldError("secret", invalid.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new SubscriptionDraft(url, types, description, secret, request.enabled());
    }

    static SubscriptionDraft change(SubscriptionChange change, boolean httpsOnly) {
        if (change == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        EndpointUrl url = change.url() == null ? null : url(change.url(), httpsOnly, errors);
        Set<EventType> types = change.eventTypes() == null ? null : eventTypes(change.eventTypes(), errors);
        String description = description(change.description(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new SubscriptionDraft(url, types, description, null, change.enabled());
    }

    static WebhookSecret secret(RotateRequest request) {
        if (request == null || request.secret() == null) {
            return null;
        }
        try {
            return WebhookSecret.parse(request.secret());
        } catch (IllegalArgumentException invalid) {
            throw ProblemException.invalidField("secret", invalid.getMessage());
        }
    }

    static Duration overlap(RotateRequest request) {
        if (request == null || request.overlap() == null) {
            return null;
        }
        try {
            Duration overlap = Duration.parse(request.overlap());
            if (overlap.isNegative() || overlap.compareTo(Duration.ofDays(7)) > 0) {
                throw ProblemException.invalidField("overlap", "must be between PT0S and P7D");
            }
            return overlap;
        } catch (DateTimeParseException invalid) {
            throw ProblemException.invalidField("overlap", "must be an ISO-8601 duration such as PT24H");
        }
    }

    private static EndpointUrl url(String text, boolean httpsOnly, List<Problem.FieldError> errors) {
        try {
            return EndpointUrl.parse(text, httpsOnly);
        } catch (IllegalArgumentException invalid) {
            errors.add(new Problem.FieldError("url", invalid.getMessage()));
            return null;
        }
    }

    private static Set<EventType> eventTypes(List<String> names, List<Problem.FieldError> errors) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        if (names == null || names.isEmpty()) {
            errors.add(new Problem.FieldError("eventTypes", "must name at least one event type"));
            return types;
        }
        for (int i = 0; i < names.size(); i++) {
            Optional<EventType> type = EventType.fromWireName(names.get(i));
            if (type.isPresent()) {
                types.add(type.get());
            } else {
                errors.add(new Problem.FieldError("eventTypes[" + i + "]", "'" + names.get(i)
                        + "' is not an event type (GET /v1/webhooks/event-types lists them)"));
            }
        }
        return types;
    }

    private static String description(String description, List<Problem.FieldError> errors) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new Problem.FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        return description;
    }

    static SubscriptionView view(Subscription subscription, boolean withSecret) {
        return new SubscriptionView(subscription.id(), subscription.url(), subscription.description(),
                subscription.eventTypes().stream().map(EventType::wireName).sorted().toList(),
                subscription.status().stored(),
                subscription.disabledReason() == null ? null : subscription.disabledReason().stored(),
                subscription.disabledAt(), subscription.consecutiveFailures(), subscription.failingSince(),
                subscription.lastSuccessAt(), validUntil(subscription), subscription.createdAt(),
                subscription.updatedAt(), withSecret ? subscription.secret().text() : null);
    }

    static SecretView secretView(Subscription subscription) {
        return new SecretView(subscription.secret().text(), validUntil(subscription));
    }

    private static Instant validUntil(Subscription subscription) {
        Instant until = subscription.previousSecretUntil();
        return until != null && until.isAfter(Instant.now()) ? until : null;
    }

    static DeliveryView view(DeliveryRecord delivery) {
        return new DeliveryView(delivery.messageId(), delivery.type(), delivery.state().stored(),
                delivery.attempts(), delivery.state().stored().equals("pending") ? delivery.nextAttemptAt() : null,
                delivery.lastStatus(), delivery.lastError(), delivery.test(), delivery.createdAt(),
                delivery.updatedAt());
    }

    static AttemptView view(AttemptRecord attempt) {
        return new AttemptView(attempt.id(), attempt.messageId(), attempt.attempt(), attempt.startedAt(),
                attempt.latencyMillis(), attempt.status(), attempt.error(), attempt.responseExcerpt());
    }
}
