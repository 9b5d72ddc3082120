package io.hearken.webhook.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event types a partner can subscribe to, by the names partners see ({@code response.completed}), each with
 * what it means. The payload of each is thin and documented in docs/webhooks.md: ids, scores and states, never a
 * respondent's words or contact details, which a partner fetches (if its role allows) through the API.
 */
public enum EventType {
    RESPONSE_SUBMITTED("response.submitted",
            "A response was accepted: once when progress is first saved, once when it is complete."),
    RESPONSE_COMPLETED("response.completed", "A respondent finished a survey."),
    FEEDBACK_RECEIVED("feedback.received", "Unsolicited feedback (a review, a post, a ticket) was taken in."),
    ALERT_RAISED("alert.raised", "An alert rule matched a response or feedback."),
    CASE_OPENED("case.opened", "A follow-up case was opened for an alert (close the loop)."),
    CASE_RESOLVED("case.resolved", "A follow-up case was resolved, with its outcome and root cause."),
    PROFILE_MERGED("profile.merged", "Two customer profiles were found to be one; the survivor keeps both."),
    PROFILE_ERASED("profile.erased", "A customer's personal data was erased on request."),
    ENDPOINT_DISABLED("webhook.endpoint.disabled",
            "One of the tenant's webhook endpoints was disabled (it answered 410, or kept failing).");

    /** Sent by a test send only; nobody subscribes to it. */
    public static final String TEST = "webhook.test";

    private final String wireName;
    private final String description;

    EventType(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
