package io.hearken.survey.messaging;

import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.events.InvitationEvent;
import io.hearken.survey.domain.Invitation;
import io.hearken.survey.domain.InvitationChannel;
import io.hearken.survey.domain.InvitationStatus;
import io.hearken.survey.domain.InvitationUpdate;

import java.util.Map;

/** Maps invitations and their status changes to the {@code hearken.invitation.*} contract and back. */
final class InvitationEvents {

    private InvitationEvents() {
    }

    static InvitationEvent created(Invitation invitation) {
        return new InvitationEvent(invitation.id(), invitation.tenant(), invitation.surveyId(),
                invitation.campaignId(), invitation.channel().wireName(), invitation.address(),
                invitation.customerId(), invitation.locale(), invitation.hidden(),
                InvitationStatus.SCHEDULED.name(), null, invitation.createdAt(), invitation.expiresAt(),
                invitation.createdAt());
    }

    static InvitationEvent updated(InvitationUpdate change) {
        return new InvitationEvent(change.invitationId(), change.tenant(), change.surveyId(), null,
                change.channel().wireName(), null, null, null, null, change.status().name(), change.reason(), null,
                null, change.at());
    }

    static Invitation invitation(InvitationEvent event) {
        if (event.invitationId() == null || event.tenant() == null || event.address() == null
                || event.customerId() == null || event.expiresAt() == null) {
            throw new PermanentEventFailure("invitation without id, tenant, address, customer or expiry");
        }
        return new Invitation(event.invitationId(), event.tenant(), event.surveyId(), event.campaignId(),
                channel(event), event.address(), event.customerId(), event.locale(),
                event.hidden() == null ? Map.of() : event.hidden(), event.createdAt(), event.expiresAt(), null);
    }

    static InvitationUpdate update(InvitationEvent event) {
        if (event.invitationId() == null || event.tenant() == null || event.status() == null) {
            throw new PermanentEventFailure("invitation update without id, tenant or status");
        }
        try {
            return new InvitationUpdate(event.invitationId(), event.tenant(), event.surveyId(), channel(event),
                    InvitationStatus.valueOf(event.status()), event.reason(), event.at());
        } catch (IllegalArgumentException e) {
            throw new PermanentEventFailure("invitation update with an unknown status " + event.status(), e);
        }
    }

    private static InvitationChannel channel(InvitationEvent event) {
        return InvitationChannel.fromWireName(event.channel()).orElseThrow(() ->
                new PermanentEventFailure("invitation " + event.invitationId() + " has an unknown channel '"
                        + event.channel() + "'"));
    }
}
