package io.hearken.common.events;

import java.time.Instant;
import java.util.Optional;

/**
 * Data of a {@code hearken.feedback.received.v1} CloudEvent: feedback nobody asked for (an app-store review, a
 * social post, a support ticket), taken in through the ingestion API and stored as feedback without a survey.
 * {@code feedbackId} is derived from the tenant, {@code source} and {@code externalId}, so the same item ingested
 * twice is the same event and every consumer keeps it once. {@code rating} is on the scale 0..{@code ratingMax}.
 */
public record FeedbackReceived(
        String feedbackId,
        String tenant,
        String source,
        String externalId,
        String author,
        Integer rating,
        Integer ratingMax,
        String text,
        String url,
        String language,
        Instant postedAt,
        Instant receivedAt) {

    /** Why this event cannot be applied, or empty if it can (see {@link ResponseSubmitted#invalidity()}). */
    public Optional<String> invalidity() {
        if (feedbackId == null || tenant == null || source == null || externalId == null) {
            return Optional.of("no feedbackId, tenant, source or externalId");
        }
        if (postedAt == null || receivedAt == null) {
            // survey-service refuses feedback without them, so an event without them was not written by it
            return Optional.of("no postedAt or receivedAt");
        }
        if (rating != null && (ratingMax == null || rating < 0 || rating > ratingMax)) {
            return Optional.of("rating " + rating + " outside 0-" + ratingMax);
        }
        return Optional.empty();
    }
}
