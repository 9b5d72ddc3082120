package io.hearken.profile.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One moment of a customer's journey: a survey response, an invitation sent, or a partner's event (a purchase, a
 * support ticket), with its channel, journey stage, touchpoint, score and sentiment.
 */
@Entity
@Table(name = "touchpoint")
public class Touchpoint {

    public static final String RESPONSE = "response.submitted";
    public static final String INVITATION = "invitation.sent";
    /** A follow-up case about the customer was resolved (insight-service); not a contact from the customer. */
    public static final String CASE_RESOLVED = "case.resolved";

    @Id
    public UUID id;

    @Column(name = "profile_id", nullable = false)
    public UUID profileId;

    @Column(nullable = false)
    public String tenant;

    /** What happened: {@code response.submitted}, {@code invitation.sent}, or a partner's type. */
    @Column(nullable = false)
    public String kind;

    /** The event this touchpoint came from; unique per tenant, which makes applying an event idempotent. */
    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    public String channel;

    /** The journey stage (awareness, purchase, onboarding, usage, support, renewal, ...). */
    public String stage;

    /** The named touchpoint within the stage (checkout, delivery, ...). */
    public String touchpoint;

    @Column(name = "survey_id")
    public String surveyId;

    @Column(name = "response_id")
    public String responseId;

    /** The NPS answer of a response, 0-10. */
    public Integer score;

    /** The CSAT answer of a response, on its own scale. */
    public BigDecimal csat;

    /** Sentiment -1..1 when an analysis gave one. */
    public BigDecimal sentiment;

    public String comment;

    /** A partner event's own summary (order total, ticket subject). */
    public String detail;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
