package io.hearken.survey.domain;

import java.time.Instant;

/** An invitation moved to {@code status} at {@code at} (sent, skipped, failed, opened, completed), and why. */
public record InvitationUpdate(String invitationId, String tenant, String surveyId, InvitationChannel channel,
                               InvitationStatus status, String reason, Instant at) {

    public static InvitationUpdate of(Invitation invitation, InvitationStatus status, String reason, Instant at) {
        return new InvitationUpdate(invitation.id(), invitation.tenant(), invitation.surveyId(), invitation.channel(),
                status, reason, at);
    }
}
