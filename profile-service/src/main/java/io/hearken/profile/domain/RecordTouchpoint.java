package io.hearken.profile.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A moment of a customer's journey to put on their timeline, whatever brought it (a response event, an invitation
 * event, a partner's call): who it was about, and what happened. {@code sourceEventId} makes it idempotent.
 */
public record RecordTouchpoint(String tenant, String sourceEventId, String kind, IdentityClaim claim,
                               String channel, String stage, String touchpoint, String surveyId, String responseId,
                               Integer score, BigDecimal csat, String comment, String detail, Instant occurredAt) {

    public boolean isResponse() {
        return Touchpoint.RESPONSE.equals(kind);
    }

    public Touchpoint toTouchpoint(UUID profileId, Instant now) {
        Touchpoint row = new Touchpoint();
        row.id = UUID.randomUUID();
        row.profileId = profileId;
        row.tenant = tenant;
        row.kind = kind;
        row.sourceEventId = sourceEventId;
        row.channel = channel;
        row.stage = stage;
        row.touchpoint = touchpoint;
        row.surveyId = surveyId;
        row.responseId = responseId;
        row.score = score;
        row.csat = csat;
        row.comment = comment;
        row.detail = detail;
        row.occurredAt = occurredAt == null ? now : occurredAt;
        row.recordedAt = now;
        return row;
    }
}
