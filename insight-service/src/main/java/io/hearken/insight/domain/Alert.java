package io.hearken.insight.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A rule that fired, kept: what fired, on what, why, and when. Its id is derived from the rule id and the source
 * event id ({@link #idFor}), so a redelivered event raises an alert with the same id and storing it once is a unique
 * key, not a look-up. The customer's identities are copied rather than referenced, so an alert stands alone.
 *
 * @param triggeringScore the customer's answer that fired it, for measuring recovery; null for sentiment, keyword and
 *                        score-drop alerts
 */
public record Alert(String id, String tenant, String ruleId, AlertRuleType ruleType, Priority priority,
                    String sourceId, String responseId, String surveyId, String profileId, String customerId,
                    String reason, String evidence, ScaleScore triggeringScore, Instant raisedAt) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(ruleType, "ruleType");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    /** The alert a trigger raises, with the rule's priority at the time. */
    public static Alert raise(AlertTrigger trigger, Instant raisedAt) {
        AlertRule rule = trigger.rule();
        return new Alert(idFor(rule.id(), trigger.sourceId()), rule.tenant(), rule.id(), rule.type(), rule.priority(),
                trigger.sourceId(), trigger.responseId(), trigger.surveyId(), trigger.profileId(),
                trigger.customerId(), trigger.reason(), trigger.evidence(), trigger.triggeringScore(), raisedAt);
    }

    /**
     * A name-based UUID of the rule id and source id. The rule id goes in with its length so that no two pairs
     * run together into the same text ("a" + "bc" and "ab" + "c").
     */
    public static String idFor(String ruleId, String sourceId) {
        String name = "alert:" + ruleId.length() + ":" + ruleId + ":" + sourceId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
