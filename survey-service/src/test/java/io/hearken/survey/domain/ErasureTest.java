package io.hearken.survey.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an erasure covers and what it leaves of a response and an invitation. */
class ErasureTest {

    private static final Instant ERASED_AT = Instant.parse("2026-11-26T12:00:00Z");
    private static final Erasure ERASURE = new Erasure("e-1", "acme", "p-1", List.of(
            new Erasure.Identity("email", "mika@example.com"),
            new Erasure.Identity("phone", "+819012345678"),
            new Erasure.Identity("customer_id", "C-1"),
            new Erasure.Identity("loyalty_id", "L-9")), ERASED_AT);

    private static Response response(String tenant, Respondent respondent, Instant submittedAt) {
        return new Response("r-1", "s-1", 1, tenant, Channel.CHAT, "en", "support", null, respondent, List.of(
                new Answer("nps", QuestionType.NPS, 3, 0, 10, null, null, null, null, null, null),
                new Answer("why", QuestionType.TEXT, null, null, null, "Mika here, call me", null, null, null, null,
                        null),
                new Answer("order", QuestionType.HIDDEN, null, null, null, "order-77", null, null, null, null, null),
                new Answer("liked", QuestionType.SINGLE_CHOICE, null, null, null, null, List.of("other"),
                        "my neighbour Ken", null, null, null),
                new Answer("grid", QuestionType.MATRIX, null, 1, 5, null, null, null, Map.of("speed", 2), null,
                        null),
                new Answer("when", QuestionType.DATE, null, null, null, null, null, null, null,
                        LocalDate.parse("2026-11-01"), null),
                new Answer("ok", QuestionType.CONSENT, null, null, null, "We may contact you", null, null, null,
                        null, true)),
                Map.of("conversationId", "c-42"), "inv-1", true, submittedAt, null);
    }

    @Test
    void coversAResponseNamingAnyIdentityUpToTheMomentOfErasure() {
        assertTrue(ERASURE.covers(response("acme", Respondent.claimed("Mika@Example.com ", null, null), ERASED_AT)));
        assertTrue(ERASURE.covers(response("acme", Respondent.claimed(null, "+81 90-1234-5678", null),
                ERASED_AT.minusSeconds(60))));
        assertTrue(ERASURE.covers(response("acme", new Respondent(null, null, "C-1", true),
                ERASED_AT.minusSeconds(60))));
    }

    @Test
    void leavesLaterResponsesOtherCustomersOtherTenantsAndNationalNumbers() {
        Respondent mika = Respondent.claimed("mika@example.com", null, null);
        assertFalse(ERASURE.covers(response("acme", mika, ERASED_AT.plusMillis(1))));
        assertFalse(ERASURE.covers(response("globex", mika, ERASED_AT.minusSeconds(60))));
        assertFalse(ERASURE.covers(response("acme", Respondent.claimed("ken@example.com", null, "C-2"),
                ERASED_AT.minusSeconds(60))));
        // Without its country code a number could be anyone's elsewhere: it names nobody.
        assertFalse(ERASURE.covers(response("acme", Respondent.claimed(null, "090 1234 5678", null),
                ERASED_AT.minusSeconds(60))));
        assertFalse(ERASURE.covers(response("acme", null, ERASED_AT.minusSeconds(60))));
    }

    @Test
    void anAnonymisedResponseKeepsItsScoresAndChoicesButNotTheRespondentOrTheirWords() {
        Response anonymised = response("acme", new Respondent("mika@example.com", "+819012345678", "C-1", true),
                ERASED_AT).anonymisedBy(ERASURE);

        assertEquals(new Anonymisation("e-1", ERASED_AT), anonymised.anonymisation());
        assertEquals(Respondent.ANONYMOUS, anonymised.respondent());
        assertNull(anonymised.context());
        Map<String, Answer> answers = anonymised.answers().stream()
                .collect(Collectors.toMap(Answer::questionId, answer -> answer));
        assertEquals(3, answers.get("nps").score());
        assertNull(answers.get("why").text());
        assertNull(answers.get("order").text());
        assertEquals(List.of("other"), answers.get("liked").choices());
        assertNull(answers.get("liked").otherText());
        assertEquals(Map.of("speed", 2), answers.get("grid").rows());
        assertEquals(LocalDate.parse("2026-11-01"), answers.get("when").date());
        assertEquals("We may contact you", answers.get("ok").text());
        assertEquals("inv-1", anonymised.invitationId());
    }

    @Test
    void coversAndAnonymisesTheCustomersInvitationsMadeBeforeTheErasure() {
        Invitation invitation = new Invitation("i-1", "acme", "s-1", "camp", InvitationChannel.SMS, "+819012345678",
                "C-7", "ja", Map.of("order", "order-77"), ERASED_AT.minusSeconds(3600),
                ERASED_AT.plusSeconds(3600), null);
        assertTrue(ERASURE.covers(invitation));
        Invitation later = new Invitation("i-2", "acme", "s-1", "camp", InvitationChannel.EMAIL, "mika@example.com",
                "C-1", "ja", Map.of(), ERASED_AT.plusSeconds(1), ERASED_AT.plusSeconds(3600), null);
        assertFalse(ERASURE.covers(later));

        Invitation anonymised = invitation.anonymisedBy(ERASURE);
        assertNull(anonymised.address());
        assertNull(anonymised.customerId());
        assertEquals(Map.of(), anonymised.hidden());
        assertEquals(new Anonymisation("e-1", ERASED_AT), anonymised.anonymisation());
        assertEquals(invitation.createdAt(), anonymised.createdAt());
    }
}
