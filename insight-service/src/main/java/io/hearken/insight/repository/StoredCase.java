package io.hearken.insight.repository;

import io.hearken.insight.domain.AlertRuleType;
import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.domain.MeasuredRecovery;
import io.hearken.insight.domain.Respondent;
import io.hearken.insight.domain.ScaleScore;

import java.time.Instant;

/**
 * A follow-up case as kept: the domain case (with its notes and escalations when read one by one, without them in
 * a list), the version its next change must match, when it was last assigned, and the alert that opened it.
 *
 * @param version    the optimistic-concurrency version read; a change is stored only if it is still this one
 * @param assignedAt when the current assignee got it, or null
 * @param respondent the customer as the triggering response named them (nobody once erased)
 * @param recovery   what the customer's next answer after the resolution showed, or null before it came
 */
public record StoredCase(FollowUpCase followUpCase, int version, Instant assignedAt, int escalationCount,
                         AlertSummary alert, Respondent respondent, Recovery recovery) {

    /** Recovery measured from the customer's next answer. */
    public record Recovery(MeasuredRecovery result, ScaleScore answer, Instant answeredAt) {
    }

    /** What a person reading the case needs of its alert. */
    public record AlertSummary(String ruleId, String ruleName, AlertRuleType ruleType, String surveyId,
                               String responseId, String reason, String evidence, Instant raisedAt) {
    }
}
