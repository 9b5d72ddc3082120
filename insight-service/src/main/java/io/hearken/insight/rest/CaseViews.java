package io.hearken.insight.rest;

import io.hearken.common.problem.ProblemException;
import io.hearken.insight.domain.Alert;
import io.hearken.insight.domain.AlertRuleType;
import io.hearken.insight.domain.CaseNote;
import io.hearken.insight.domain.CaseOutcome;
import io.hearken.insight.domain.CaseResolution;
import io.hearken.insight.domain.CaseStatus;
import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.Escalation;
import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.domain.MeasuredRecovery;
import io.hearken.insight.domain.Priority;
import io.hearken.insight.domain.ScoreScale;
import io.hearken.insight.repository.RaisedAlert;
import io.hearken.insight.repository.RecoveryRepository;
import io.hearken.insight.repository.StoredCase;

import java.time.Instant;
import java.time.LocalDate;
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
     * @param overdue  unresolved after {@code dueAt}, now
     * @param recovery what the customer's next answer after the resolution showed; null until they answered
     */
    public record CaseView(String id, String alertId, CaseStatus status, Priority priority, String assignee,
                           String profileId, String customerId, Instant openedAt, Instant dueAt, boolean overdue,
                           Instant assignedAt, CaseOutcome outcome, String rootCause, String resolvedBy,
                           Instant resolvedAt, int escalationCount, CaseAlertView alert, List<CaseNote> notes,
                           List<Escalation> escalations, RecoveryView recovery) {
    }

    /**
     * Recovery measured from the customer's next answer on the scale that raised the case.
     *
     * @param result RECOVERED or NOT_RECOVERED
     */
    public record RecoveryView(MeasuredRecovery result, ScoreScale scale, int score, Instant answeredAt) {
    }

    /** Recovery of the cases resolved in a period: how many were measured and recovered, in all and by outcome. */
    public record RecoverySummary(LocalDate from, LocalDate to, long measured, long recovered, Double recoveryRate,
                                  List<OutcomeRecoveryView> byOutcome) {
    }

    /** Recovery of the cases closed with one outcome; the rate is null when none was measured. */
    public record OutcomeRecoveryView(CaseOutcome outcome, long measured, long recovered, Double recoveryRate) {
    }

    /** A raised alert with the case it opened. */
    public record AlertView(String id, String caseId, String ruleId, String ruleName, AlertRuleType type,
                            Priority priority, String surveyId, String responseId, String profileId,
                            String customerId, String reason, String evidence, Instant raisedAt,
                            Instant caseDueAt) {
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
                withHistory ? followUp.notes() : null, withHistory ? followUp.escalations() : null,
                stored.recovery() == null ? null : new RecoveryView(stored.recovery().result(),
                        stored.recovery().answer().scale(), stored.recovery().answer().value(),
                        stored.recovery().answeredAt()));
    }

    static RecoverySummary of(DateRange range, List<RecoveryRepository.OutcomeRecovery> counts) {
        long measured = counts.stream().mapToLong(RecoveryRepository.OutcomeRecovery::measured).sum();
        long recovered = counts.stream().mapToLong(RecoveryRepository.OutcomeRecovery::recovered).sum();
        return new RecoverySummary(range.from(), range.to(), measured, recovered, rate(recovered, measured),
                counts.stream().map(count -> new OutcomeRecoveryView(count.outcome(), count.measured(),
                        count.recovered(), rate(count.recovered(), count.measured()))).toList());
    }

    private static Double rate(long recovered, long measured) {
        return measured == 0 ? null : (double) recovered / measured;
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
