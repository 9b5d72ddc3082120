package io.hearken.survey.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which distributions make invitations, and what an answer to one becomes. */
class InvitationTest {

    private static final Survey.Change SURVEY = Definitions.published(Definitions.content("""
            {"title": {"en": "Delivery"}, "languages": ["en", "ja"], "pages": [{"id": "p", "questions": [
              {"id": "order", "type": "HIDDEN"},
              {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend?"}}]}]}
            """));
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static List<Invitation> plan(InvitationChannel channel, InviteRecipients.Recipient... recipients) {
        return Invitation.plan(SURVEY.survey(), SURVEY.published().orElseThrow(),
                new InviteRecipients("s1", channel, Duration.ofDays(7), null, List.of(recipients)), NOW);
    }

    @Test
    void eachRecipientGetsAnInvitationThatExpiresAndCarriesItsHiddenValues() {
        List<Invitation> invitations = plan(InvitationChannel.EMAIL,
                new InviteRecipients.Recipient("C-1", " Mika@Example.com ", null, "ja", Map.of("order", "O-9")),
                new InviteRecipients.Recipient("C-2", "ken@example.com", null, null, null));
        assertEquals(2, invitations.size());
        assertEquals("mika@example.com", invitations.get(0).address());
        assertEquals(NOW.plus(Duration.ofDays(7)), invitations.get(0).expiresAt());
        assertEquals("en", invitations.get(1).locale());
        assertEquals(invitations.get(0).campaignId(), invitations.get(1).campaignId());
    }

    @Test
    void everyRecipientAtFaultIsNamed() {
        RuleViolation violation = assertThrows(RuleViolation.class, () -> plan(InvitationChannel.SMS,
                new InviteRecipients.Recipient("C-1", null, "090-1234-5678", null, null),
                new InviteRecipients.Recipient(null, null, "+819012345678", "fr", Map.of("nps", "10"))));
        assertEquals(List.of("recipients[0].phone", "recipients[1].customerId", "recipients[1].hidden.nps",
                "recipients[1].locale"), Definitions.fields(violation));
    }

    @Test
    void aSurveyThatTakesNoResponsesInvitesNobody() {
        Survey paused = SURVEY.survey().pause(NOW).survey();
        RuleViolation violation = assertThrows(RuleViolation.class, () -> Invitation.plan(paused,
                SURVEY.published().orElseThrow(), new InviteRecipients("s1", InvitationChannel.EMAIL, null, null,
                        List.of(new InviteRecipients.Recipient("C-1", "a@example.com", null, null, null))), NOW));
        assertTrue(violation.conflict());
    }

    @Test
    void anAnswerToAnInvitationIsTheInvitedCustomersWithTheInvitationsHiddenValues() {
        Invitation invitation = plan(InvitationChannel.EMAIL,
                new InviteRecipients.Recipient("C-1", "mika@example.com", null, "ja", Map.of("order", "O-9")))
                .get(0);
        SubmitResponse answered = invitation.answeredBy(SubmitResponse.of("s1", Optional.empty(), "web", null,
                Respondent.claimed("evil@example.com", null, "C-666"), Map.of("nps", 9, "order", "forged")));
        Response response = Definitions.respond(SURVEY, answered);
        assertEquals(Channel.EMAIL, response.channel());
        assertEquals("ja", response.language());
        assertEquals(new Respondent("mika@example.com", null, "C-1", true), response.respondent());
        assertEquals("O-9", response.answers().get(0).text());
        assertEquals(invitation.id(), response.invitationId());
        assertEquals(SURVEY.survey().responseIdFor(Optional.of(invitation.idempotencyKey())), response.id());
    }

    @Test
    void theLinkTokenNamesTheInvitationAndVerifiesWithItsKey() {
        Invitation invitation = plan(InvitationChannel.EMAIL,
                new InviteRecipients.Recipient("C-1", "mika@example.com", null, null, null)).get(0);
        InvitationToken.SigningKey key = new InvitationToken.SigningKey("k1", new byte[32]);
        InvitationToken.Verification verified = InvitationToken.verify(invitation.token().sign(key),
                Map.of("k1", key), NOW);
        assertEquals(invitation.id(), ((InvitationToken.Valid) verified).token().invitationId());
    }
}
