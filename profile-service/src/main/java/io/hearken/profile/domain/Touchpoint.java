package io.hearken.profile.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One moment of a customer's journey, e.g. a survey response on a channel. */
@Entity
@Table(name = "touchpoint")
public class Touchpoint {

    @Id
    public UUID id;

    @Column(name = "profile_id", nullable = false)
    public UUID profileId;

    @Column(nullable = false)
    public String tenant;

    /** What happened, e.g. {@code response.submitted}. */
    @Column(nullable = false)
    public String kind;

    /** The event this touchpoint came from; unique per tenant, which makes applying an event idempotent. */
    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    public String channel;

    @Column(name = "survey_id")
    public String surveyId;

    @Column(name = "response_id")
    public String responseId;

    public Integer score;

    public String comment;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
