package io.hearken.insight.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The follow-up an alert opens: someone contacts the customer, writes down what happened and closes the loop with an
 * outcome and a root cause, within the SLA of the case's priority. The value is immutable: every command returns the
 * case as it is afterwards, or throws a {@link CaseTransitionException} (a move {@link CaseStatus} does not allow,
 * field {@code status}) or a {@link DomainRuleException} (a missing assignee, outcome, root cause, …).
 *
 * <p>Overdue means unresolved after {@code dueAt}. {@link #escalateIfOverdue} raises an overdue case one priority
 * level (URGENT stays URGENT, and its escalation still records that the deadline was missed), sets the deadline to
 * the SLA of the new priority from the moment of escalation and records an {@link Escalation}; the new deadline is
 * in the future, so escalating again for the same overdue period changes nothing.
 *
 * @param alertId         the alert that opened it; the case id derives from it, one case per alert
 * @param triggeringScore the customer's answer that raised the alert, or null
 * @param assignee        who owns it; required when ASSIGNED, kept when resolved
 * @param resolution      how it ended; present exactly when RESOLVED
 */
public record FollowUpCase(String id, String tenant, String alertId, String profileId, String customerId,
                           Priority priority, CaseStatus status, String assignee, ScaleScore triggeringScore,
                           Instant openedAt, Instant dueAt, List<CaseNote> notes, List<Escalation> escalations,
                           CaseResolution resolution) {

    public FollowUpCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        notes = notes == null ? List.of() : List.copyOf(notes);
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
        if (status == CaseStatus.ASSIGNED && (assignee == null || assignee.isBlank())) {
            throw new IllegalArgumentException("an ASSIGNED case has an assignee");
        }
        if ((status == CaseStatus.RESOLVED) != (resolution != null)) {
            throw new IllegalArgumentException("a case has a resolution exactly when it is RESOLVED");
        }
    }

    /** The case an alert opens: OPEN, the alert's priority, due by the SLA from when the alert was raised. */
    public static FollowUpCase open(Alert alert, SlaPolicy sla) {
        return new FollowUpCase(idFor(alert.id()), alert.tenant(), alert.id(), alert.profileId(),
                alert.customerId(), alert.priority(), CaseStatus.OPEN, null, alert.triggeringScore(),
                alert.raisedAt(), sla.deadline(alert.priority(), alert.raisedAt()), List.of(), List.of(), null);
    }

    /** A name-based UUID of the alert id, so a redelivered alert opens the same case. */
    public static String idFor(String alertId) {
        return UUID.nameUUIDFromBytes(("case:" + alertId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** OPEN → ASSIGNED, or ASSIGNED → ASSIGNED to someone else; assigning to the current assignee changes nothing. */
    public FollowUpCase assign(String newAssignee) {
        requireMove(CaseStatus.ASSIGNED);
        if (newAssignee == null || newAssignee.isBlank()) {
            throw new DomainRuleException("assignee", "a case is assigned to someone");
        }
        if (status == CaseStatus.ASSIGNED && newAssignee.equals(assignee)) {
            return this;
        }
        return new FollowUpCase(id, tenant, alertId, profileId, customerId, priority, CaseStatus.ASSIGNED,
                newAssignee, triggeringScore, openedAt, dueAt, notes, escalations, null);
    }

    /**
     * OPEN or ASSIGNED → RESOLVED, with an outcome and a root cause (both required, see {@link CaseResolution}),
     * not before the case opened.
     */
    public FollowUpCase resolve(CaseOutcome outcome, String rootCause, String resolvedBy, Instant resolvedAt) {
        requireMove(CaseStatus.RESOLVED);
        CaseResolution closing = new CaseResolution(outcome, rootCause, resolvedBy, resolvedAt);
        if (resolvedAt.isBefore(openedAt)) {
            throw new DomainRuleException("resolvedAt", "a case is resolved after it opened (" + openedAt + ")");
        }
        return new FollowUpCase(id, tenant, alertId, profileId, customerId, priority, CaseStatus.RESOLVED, assignee,
                triggeringScore, openedAt, dueAt, notes, escalations, closing);
    }

    /** The note appended, in any status: what happened after the resolution is worth writing down too. */
    public FollowUpCase addNote(CaseNote note) {
        List<CaseNote> appended = new ArrayList<>(notes);
        appended.add(Objects.requireNonNull(note, "note"));
        return new FollowUpCase(id, tenant, alertId, profileId, customerId, priority, status, assignee,
                triggeringScore, openedAt, dueAt, appended, escalations, resolution);
    }

    public boolean isOverdue(Instant now) {
        return status != CaseStatus.RESOLVED && now.isAfter(dueAt);
    }

    /**
     * The case escalated if it is overdue at {@code now}, else this case unchanged (a resolved case is never
     * overdue), so a periodic sweep can call it on every open case as often as it likes.
     */
    public FollowUpCase escalateIfOverdue(Instant now, SlaPolicy sla) {
        if (!isOverdue(now) || escalations.stream().anyMatch(past -> past.missedDeadline().equals(dueAt))) {
            return this;
        }
        Priority raised = priority.oneUp();
        Instant newDeadline = sla.deadline(raised, now);
        List<Escalation> appended = new ArrayList<>(escalations);
        appended.add(new Escalation(now, priority, raised, dueAt, newDeadline));
        return new FollowUpCase(id, tenant, alertId, profileId, customerId, raised, status, assignee,
                triggeringScore, openedAt, newDeadline, notes, appended, resolution);
    }

    /**
     * Whether the customer's next answer, given at {@code answeredAt}, shows they recovered
     * ({@link ScaleScore#isRecoveryFrom}). Only an answer after the resolution, on the scale of the triggering score,
     * says anything about the follow-up; otherwise {@link MeasuredRecovery#NOT_MEASURABLE}.
     */
    public MeasuredRecovery recovery(ScaleScore nextAnswer, Instant answeredAt) {
        if (resolution == null || triggeringScore == null || nextAnswer.scale() != triggeringScore.scale()
                || !answeredAt.isAfter(resolution.resolvedAt())) {
            return MeasuredRecovery.NOT_MEASURABLE;
        }
        return nextAnswer.isRecoveryFrom(triggeringScore) ? MeasuredRecovery.RECOVERED
                : MeasuredRecovery.NOT_RECOVERED;
    }

    private void requireMove(CaseStatus target) {
        if (!status.allowsMoveTo(target)) {
            throw new CaseTransitionException(status, target, status == CaseStatus.RESOLVED
                    ? "a resolved case is final; a new alert opens a new case" : "see the case lifecycle");
        }
    }
}
