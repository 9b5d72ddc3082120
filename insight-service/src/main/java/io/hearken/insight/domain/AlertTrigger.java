package io.hearken.insight.domain;

import java.util.Objects;

/**
 * A rule that fired, with why: the reason for a person ("NPS 3 is a detractor score (0–6)"), the evidence (the
 * score, the keyword found, the change) and what it fired on. {@link Alert#raise} turns it into an alert.
 *
 * @param rule            the rule that fired
 * @param sourceId        the event (or, for a score drop, the period comparison) it fired on
 * @param responseId      the response or feedback item; null for a score drop
 * @param surveyId        the survey, when there is one
 * @param profileId       the customer's profile, when known
 * @param customerId      the tenant's id of the customer, when known
 * @param reason          why, in a sentence
 * @param evidence        the matched keyword, the score, the values compared
 * @param triggeringScore the customer's answer that fired it (DETRACTOR, LOW_CSAT), against which recovery is measured;
 *                        null otherwise
 */
public record AlertTrigger(AlertRule rule, String sourceId, String responseId, String surveyId, String profileId,
                           String customerId, String reason, String evidence, ScaleScore triggeringScore) {

    public AlertTrigger {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(evidence, "evidence");
    }
}
