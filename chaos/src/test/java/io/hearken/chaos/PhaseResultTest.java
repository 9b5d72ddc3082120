package io.hearken.chaos;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhaseResultTest {

    private static PhaseResult result(long acknowledged, long storedOnce, long counted, boolean npsMatches,
                                      long timelineOnce, long unacknowledgedKept, Boolean dependentsDown) {
        return new PhaseResult("kafka", acknowledged, acknowledged, 0, 0, storedOnce, acknowledged - storedOnce, 0,
                unacknowledgedKept, counted, npsMatches, timelineOnce, acknowledged - timelineOnce, 0,
                Map.of("202", acknowledged, "503", 3L), dependentsDown, 12.5, 4.0, null, null, null, null, null,
                null);
    }

    @Test
    void invitationsHoldOnlyWhenEachIsAcceptedOnceAndStoredOnce() {
        PhaseResult clean = result(10, 10, 10, true, 10, 0, true);
        assertTrue(clean.withInvitations(new InvitationCheck.Result(5, 5, 0, 0, 0, 0)).holds());
        assertFalse(clean.withInvitations(new InvitationCheck.Result(5, 4, 1, 0, 0, 0)).holds(), "used twice");
        assertFalse(clean.withInvitations(new InvitationCheck.Result(5, 4, 0, 1, 0, 0)).holds(), "never accepted");
        assertFalse(clean.withInvitations(new InvitationCheck.Result(5, 5, 0, 0, 1, 0)).holds(), "stored twice");
        assertFalse(clean.withInvitations(new InvitationCheck.Result(5, 5, 0, 0, 0, 1)).holds(), "not stored");
    }

    @Test
    void thePoisonPhaseHoldsOnlyWhenEveryPoisonEventAndNothingElseIsDeadLettered() {
        PhaseResult clean = result(10, 10, 10, true, 10, 0, null);
        assertTrue(clean.withPoison(new PoisonInjection.Result(3, 7, 7, 0)).holds());
        assertFalse(clean.withPoison(new PoisonInjection.Result(3, 7, 6, 0)).holds(), "a poison event not dead-lettered");
        assertFalse(clean.withPoison(new PoisonInjection.Result(3, 7, 7, 1)).holds(), "something else dead-lettered");
        assertFalse(PhaseResult.notStarted("mongo", "503 creating a survey").holds(), "a phase that never ran");
    }

    @Test
    void holdsOnlyWhenEveryAcknowledgedResponseIsKeptAndCountedOnce() {
        assertTrue(result(10, 10, 10, true, 10, 0, true).holds());
        assertFalse(result(10, 9, 10, true, 10, 0, true).holds(), "one lost in MongoDB");
        assertFalse(result(10, 10, 11, true, 10, 0, true).holds(), "one counted twice");
        assertFalse(result(10, 10, 10, false, 10, 0, true).holds(), "NPS differs");
        assertFalse(result(10, 10, 10, true, 9, 0, true).holds(), "one missing on a timeline");
        assertFalse(result(10, 10, 10, true, 10, 1, true).holds(), "an unacknowledged one was kept");
        assertFalse(result(10, 10, 10, true, 10, 0, false).holds(), "readiness stayed UP");
        assertTrue(result(10, 10, 10, true, 10, 0, null).holds(), "nothing depends on the component");
    }

    @Test
    void countsEveryNon2xxAnswerAsClientError() {
        assertEquals(3, result(10, 10, 10, true, 10, 0, true).clientErrors());
    }

    @Test
    void tableShowsOneRowPerKill() {
        String table = FaultRun.table(List.of(result(10, 10, 10, true, 10, 0, true)));
        assertTrue(table.contains("| kafka | 10 | 10 | 10 | 10 | yes | 10 | 0 | 0 | 0 | 0 | 3 "), table);
    }

    @Test
    void longestGapIsTheLongestStretchWithoutAnAcknowledgement() {
        Submission first = new Submission("p", "s", "k1", "e", 9, "web", false);
        Submission second = new Submission("p", "s", "k2", "e", 9, "web", false);
        Submission third = new Submission("p", "s", "k3", "e", 9, "web", false);
        first.acknowledgedAtNanos = 1_000_000_000L;
        second.acknowledgedAtNanos = 1_500_000_000L;
        third.acknowledgedAtNanos = 4_500_000_000L;
        assertEquals(3.0, Verifier.longestAcknowledgementGap(List.of(third, first, second)), 1e-9);
    }
}
