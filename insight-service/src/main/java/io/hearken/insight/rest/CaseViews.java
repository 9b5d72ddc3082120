package io.hearken.insight.rest;

import io.hearken.common.problem.ProblemException;
import io.hearken.insight.domain.Alert;
import io.hearken.insight.domain.AlertRuleType;
import io.hearken.insight.domain.CaseNote;
import io.hearken.insight.domain.CaseOutcome;
import io.hearken.insight.domain.CaseResolution;
import io.hearken.insight.domain.CaseStatus;
import io.hearken.insight.domain.Escalation;
import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.domain.Priority;
import io.hearken.insight.repository.RaisedAlert;
import io.hearken.insight.repository.StoredCase;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The case and alert API's request and response bodies, and their mapping from what is stored. */
public final class CaseViews {

    private CaseViews() {
    }

    /** Give a case to someone (OPEN → ASSIGNED, or reassign). */
    public record AssignRequest(String assignee) {
    }

    /** A note on a case; its author is the caller. */
    public record NoteRequest(String text) {
    }

    /**
     * Close a case.
     *
     * @param outcome RECOVERED, NOT_RECOVERED, NO_RESPONSE or NOT_ACTIONABLE
     */
    public record ResolveRequest(String outcome, String rootCause) {
    }

    /** The alert that opened a case, as a person reading the case needs it. */
    public record CaseAlertView(String ruleId, String ruleName, AlertRuleType type, String surveyId,
                                String responseId, String reason, String evidence, Instant raisedAt) {
    }

    /**
     * A case; {@code notes} and {@code escalations} are present when the case is read alone, absent in a list.
     *
     * @param overdue unresolved after {@code dueAt}, now
     */
    public record CaseView(String id, String alertId, CaseStatus status, Priority priority, String assignee,
                           String profileId, String customerId, Instant openedAt, Instant dueAt, boolean overdue,
                           Instant assignedAt, CaseOutcome outcome, String rootCause, String resolvedBy,
                           Instant resolvedAt, int escalationCount, CaseAlertView alert, List<CaseNote> notes,
                           List<Escalation> escalations) {
    }

    /** A page of cases, newest first. */
    public record CaseList(List<CaseView> items) {
    }

    /** A raised alert with the case it opened. */
    public record AlertView(String id, String caseId, String ruleId, String ruleName, AlertRuleType type,
                            Priority priority, String surveyId, String responseId, String profileId,
                            String customerId, String reason, String evidence, Instant raisedAt,
                            Instant caseDueAt) {
    }

    /** A page of alerts, newest first. */
    public record AlertList(List<AlertView> items) {
    }

    static CaseView of(StoredCase stored, boolean withHistory, Instant now) {
        FollowUpCase followUp = stored.followUpCase();
        CaseResolution resolution = followUp.resolution();
        StoredCase.AlertSummary alert = stored.alert();
        return new CaseView(followUp.id(), followUp.alertId(), followUp.status(), followUp.priority(),
                followUp.assignee(), followUp.profileId(), followUp.customerId(), followUp.openedAt(),
                followUp.dueAt(), followUp.isOverdue(now), stored.assignedAt(),
                resolution == null ? null : resolution.outcome(), resolution == null ? null : resolution.rootCause(),
                resolution == null ? null : resolution.resolvedBy(),
                resolution == null ? null : resolution.resolvedAt(),
                stored.escalationCount(), new CaseAlertView(alert.ruleId(), alert.ruleName(), alert.ruleType(),
                        alert.surveyId(), alert.responseId(), alert.reason(), alert.evidence(), alert.raisedAt()),
                withHistory ? followUp.notes() : null, withHistory ? followUp.escalations() : null);
    }

    static AlertView of(RaisedAlert raised) {
        Alert alert = raised.alert();
        return new AlertView(alert.id(), raised.caseId(), alert.ruleId(), raised.ruleName(), alert.ruleType(),
                alert.priority(), alert.surveyId(), alert.responseId(), alert.profileId(), alert.customerId(),
                alert.reason(), alert.evidence(), alert.raisedAt(), raised.caseDueAt());
    }

    /**
     * The outcome named, or null when absent (the domain then refuses the resolution naming {@code outcome});
     * an unknown name is a 400 naming {@code outcome}.
     */
    static CaseOutcome outcome(String value) {
        return parse(CaseOutcome.class, "outcome", value);
    }

    /** A query parameter's constant, null when absent; an unknown name is a 400 naming the parameter. */
    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "unknown: '" + value + "'; one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
