package io.hearken.common.events;

import java.time.Instant;
import java.util.Map;

/**
 * Data of the invitation events on {@code hearken.invitations}, keyed by invitation id:
 * {@code hearken.invitation.created.v1} (an invitation is kept and will be sent: every field set) and
 * {@code hearken.invitation.updated.v1} (its status moved: {@code invitationId}, {@code tenant}, {@code surveyId},
 * {@code channel}, {@code status}, {@code reason}, {@code at}). Statuses only move forward (SCHEDULED, SKIPPED,
 * FAILED, SENT, OPENED, STARTED, COMPLETED); a consumer keeps the latest it has seen.
 */
public record InvitationEvent(
        String invitationId,
        String tenant,
        String surveyId,
        String campaignId,
        String channel,
        String address,
        String customerId,
        String locale,
        Map<String, String> hidden,
        String status,
        String reason,
        Instant createdAt,
        Instant expiresAt,
        Instant at) {
}
