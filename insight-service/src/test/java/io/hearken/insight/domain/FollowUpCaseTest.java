package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The case lifecycle: every allowed and forbidden move, SLA, overdue and escalation, resolution and recovery. */
class FollowUpCaseTest {

    private static final Instant RAISED = Instant.parse("2026-11-20T10:00:00Z");
    private static final SlaPolicy SLA = SlaPolicy.defaults();

    private static FollowUpCase open(Priority priority, ScaleScore triggeringScore) {
        Alert alert = new Alert(Alert.idFor("rule-1", "event-1"), "acme", "rule-1", AlertRuleType.DETRACTOR, priority,
                "event-1", "response-1", "survey-1", "profile-1", "customer-1", "NPS 3 is a detractor score (0–6)",
                "nps=3", triggeringScore, RAISED);
        return FollowUpCase.open(alert, SLA);
    }

    private static FollowUpCase open() {
        return open(Priority.HIGH, ScaleScore.nps(3));
    }

    private static FollowUpCase resolved(FollowUpCase followUp) {
        return followUp.resolve(CaseOutcome.RECOVERED, "billing.double-charge", "ana",
                RAISED.plus(Duration.ofHours(2)));
    }

    @Test
    void anAlertOpensACaseDueByItsPrioritysSla() {
        FollowUpCase followUp = open(Priority.URGENT, ScaleScore.nps(3));

        assertEquals(CaseStatus.OPEN, followUp.status());
        assertEquals(Priority.URGENT, followUp.priority());
        assertEquals(RAISED, followUp.openedAt());
        assertEquals(RAISED.plus(Duration.ofHours(4)), followUp.dueAt());
        assertEquals("customer-1", followUp.customerId());
        assertEquals(ScaleScore.nps(3), followUp.triggeringScore());
        assertNull(followUp.assignee());
        assertEquals(RAISED.plus(Duration.ofDays(7)), open(Priority.LOW, null).dueAt());
    }

    @ParameterizedTest
    @CsvSource({
        "OPEN, OPEN, false", "OPEN, ASSIGNED, true", "OPEN, RESOLVED, true",
        "ASSIGNED, OPEN, false", "ASSIGNED, ASSIGNED, true", "ASSIGNED, RESOLVED, true",
        "RESOLVED, OPEN, false", "RESOLVED, ASSIGNED, false", "RESOLVED, RESOLVED, false"
    })
    void theLifecycleTable(CaseStatus from, CaseStatus to, boolean allowed) {
        assertEquals(allowed, from.allowsMoveTo(to));
    }

    @Test
    void openToAssigned() {
        FollowUpCase assigned = open().assign("ana");

        assertEquals(CaseStatus.ASSIGNED, assigned.status());
        assertEquals("ana", assigned.assignee());
    }

    @Test
    void openToResolvedWithoutAnAssignee() {
        FollowUpCase closed = open().resolve(CaseOutcome.NOT_ACTIONABLE, "test response", "triage",
                RAISED.plusSeconds(60));

        assertEquals(CaseStatus.RESOLVED, closed.status());
        assertNull(closed.assignee());
        assertEquals(CaseOutcome.NOT_ACTIONABLE, closed.resolution().outcome());
        assertEquals(RAISED.plusSeconds(60), closed.resolution().resolvedAt());
    }

    @Test
    void assignedIsReassigned() {
        FollowUpCase assigned = open().assign("ana");

        assertEquals("ben", assigned.assign("ben").assignee());
        assertEquals(CaseStatus.ASSIGNED, assigned.assign("ben").status());
        assertSame(assigned, assigned.assign("ana"), "the same assignee again changes nothing");
    }

    @Test
    void assignedToResolvedKeepsTheAssignee() {
        FollowUpCase closed = resolved(open().assign("ana"));

        assertEquals(CaseStatus.RESOLVED, closed.status());
        assertEquals("ana", closed.assignee());
        assertEquals("billing.double-charge", closed.resolution().rootCause());
        assertEquals("ana", closed.resolution().resolvedBy());
    }

    @Test
    void aResolvedCaseCannotBeAssigned() {
        FollowUpCase closed = resolved(open().assign("ana"));

        CaseTransitionException refused = assertThrows(CaseTransitionException.class, () -> closed.assign("ben"));

        assertEquals("status", refused.field());
        assertEquals(CaseStatus.RESOLVED, refused.from());
        assertEquals(CaseStatus.ASSIGNED, refused.to());
        assertTrue(refused.getMessage().contains("RESOLVED → ASSIGNED"), refused.getMessage());
    }

    @Test
    void aResolvedCaseCannotBeResolvedAgain() {
        FollowUpCase closed = resolved(open());

        CaseTransitionException refused = assertThrows(CaseTransitionException.class, () -> resolved(closed));

        assertEquals("status", refused.field());
        assertEquals(CaseStatus.RESOLVED, refused.to());
        assertTrue(refused.violation().reason().startsWith("RESOLVED → RESOLVED is not allowed"));
    }

    @Test
    void aResolutionNeedsAnOutcomeARootCauseAndAResolver() {
        FollowUpCase assigned = open().assign("ana");
        Instant at = RAISED.plusSeconds(60);

        assertEquals("outcome", assertThrows(DomainRuleException.class,
                () -> assigned.resolve(null, "billing", "ana", at)).field());
        assertEquals("rootCause", assertThrows(DomainRuleException.class,
                () -> assigned.resolve(CaseOutcome.RECOVERED, " ", "ana", at)).field());
        assertEquals("resolvedBy", assertThrows(DomainRuleException.class,
                () -> assigned.resolve(CaseOutcome.RECOVERED, "billing", null, at)).field());
        assertEquals("resolvedAt", assertThrows(DomainRuleException.class,
                () -> assigned.resolve(CaseOutcome.RECOVERED, "billing", "ana", RAISED.minusSeconds(1))).field());
    }

    @Test
    void anAssigneeIsSomeone() {
        assertEquals("assignee", assertThrows(DomainRuleException.class, () -> open().assign(" ")).field());
        assertEquals("assignee", assertThrows(DomainRuleException.class, () -> open().assign(null)).field());
    }

    @Test
    void notesAreAppendedInAnyStatus() {
        CaseNote called = new CaseNote("ana", RAISED.plusSeconds(600), "Called, refund promised.");
        CaseNote later = new CaseNote("ana", RAISED.plus(Duration.ofDays(3)), "Refund arrived, customer thanked us.");

        FollowUpCase followUp = resolved(open().assign("ana").addNote(called)).addNote(later);

        assertEquals(List.of(called, later), followUp.notes());
        assertEquals("text", assertThrows(DomainRuleException.class, () -> new CaseNote("ana", RAISED, " ")).field());
        assertEquals("author", assertThrows(DomainRuleException.class, () -> new CaseNote("", RAISED, "x")).field());
    }

    @Test
    void overdueOnlyAfterTheDeadlineAndNeverOnceResolved() {
        FollowUpCase followUp = open();
        Instant due = RAISED.plus(Duration.ofHours(24));

        assertFalse(followUp.isOverdue(due));
        assertTrue(followUp.isOverdue(due.plusSeconds(1)));
        assertFalse(resolved(followUp).isOverdue(due.plus(Duration.ofDays(30))));
    }

    @Test
    void anOverdueCaseEscalatesOneLevelWithANewDeadline() {
        FollowUpCase followUp = open(Priority.MEDIUM, null).assign("ana");
        Instant late = RAISED.plus(Duration.ofHours(80));

        FollowUpCase escalated = followUp.escalateIfOverdue(late, SLA);

        assertEquals(Priority.HIGH, escalated.priority());
        assertEquals(late.plus(Duration.ofHours(24)), escalated.dueAt());
        assertFalse(escalated.isOverdue(late));
        assertEquals(List.of(new Escalation(late, Priority.MEDIUM, Priority.HIGH, RAISED.plus(Duration.ofHours(72)),
                late.plus(Duration.ofHours(24)))), escalated.escalations());
        assertEquals(CaseStatus.ASSIGNED, escalated.status());
        assertEquals("ana", escalated.assignee());
    }

    @Test
    void escalatingTwiceForTheSameOverduePeriodDoesNothing() {
        Instant late = RAISED.plus(Duration.ofHours(30));
        FollowUpCase once = open().escalateIfOverdue(late, SLA);

        assertSame(once, once.escalateIfOverdue(late, SLA));
        assertSame(once, once.escalateIfOverdue(late.plus(Duration.ofHours(4)), SLA), "the new deadline holds");
        assertEquals(1, once.escalations().size());
    }

    @Test
    void eachMissedDeadlineEscalatesOnceUpToUrgent() {
        FollowUpCase followUp = open(Priority.HIGH, null);
        Instant first = RAISED.plus(Duration.ofHours(25));
        Instant second = first.plus(Duration.ofHours(5));
        Instant third = second.plus(Duration.ofHours(5));

        FollowUpCase escalated = followUp.escalateIfOverdue(first, SLA).escalateIfOverdue(second, SLA)
                .escalateIfOverdue(third, SLA);

        assertEquals(Priority.URGENT, escalated.priority());
        assertEquals(3, escalated.escalations().size());
        assertEquals(Priority.URGENT, escalated.escalations().get(2).from());
        assertEquals(Priority.URGENT, escalated.escalations().get(2).to());
        assertEquals(third.plus(Duration.ofHours(4)), escalated.dueAt());
    }

    @Test
    void aCaseOnTimeOrResolvedDoesNotEscalate() {
        FollowUpCase followUp = open();
        FollowUpCase closed = resolved(followUp);

        assertSame(followUp, followUp.escalateIfOverdue(RAISED.plus(Duration.ofHours(1)), SLA));
        assertSame(closed, closed.escalateIfOverdue(RAISED.plus(Duration.ofDays(30)), SLA));
    }

    @Test
    void recoveryIsMeasuredOnTheNextAnswerAfterTheResolution() {
        FollowUpCase closed = resolved(open(Priority.HIGH, ScaleScore.nps(3)));
        Instant after = closed.resolution().resolvedAt().plus(Duration.ofDays(30));

        assertEquals(MeasuredRecovery.RECOVERED, closed.recovery(ScaleScore.nps(5), after));
        assertEquals(MeasuredRecovery.NOT_RECOVERED, closed.recovery(ScaleScore.nps(4), after));
        assertEquals(MeasuredRecovery.NOT_MEASURABLE, closed.recovery(ScaleScore.nps(9), RAISED.plusSeconds(1)));
        assertEquals(MeasuredRecovery.NOT_MEASURABLE, closed.recovery(ScaleScore.csat(5), after));
        assertEquals(MeasuredRecovery.NOT_MEASURABLE, open().recovery(ScaleScore.nps(9), after), "not resolved");
        assertEquals(MeasuredRecovery.NOT_MEASURABLE,
                resolved(open(Priority.HIGH, null)).recovery(ScaleScore.nps(9), after), "no triggering score");
    }

    @ParameterizedTest
    @CsvSource({
        "3, 5, true", "3, 4, false", "6, 7, true", "5, 6, false", "6, 8, true", "8, 9, true", "3, 3, false",
        "5, 2, false", "0, 2, true"
    })
    void npsRecoveryIsUpAGroupOrTwoPoints(int before, int after, boolean recovered) {
        assertEquals(recovered, ScaleScore.nps(after).isRecoveryFrom(ScaleScore.nps(before)));
    }

    @ParameterizedTest
    @CsvSource({"2, 3, true", "2, 2, false", "2, 1, false", "1, 5, true"})
    void csatRecoveryIsAnyHigherAnswer(int before, int after, boolean recovered) {
        assertEquals(recovered, ScaleScore.csat(after).isRecoveryFrom(ScaleScore.csat(before)));
    }

    @Test
    void answersOnDifferentScalesAreNotCompared() {
        assertThrows(IllegalArgumentException.class, () -> ScaleScore.csat(5).isRecoveryFrom(ScaleScore.nps(3)));
        assertThrows(IllegalArgumentException.class, () -> ScaleScore.csat(6));
    }
}
