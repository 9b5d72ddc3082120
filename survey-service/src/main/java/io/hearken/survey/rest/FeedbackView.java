package io.hearken.survey.rest;

import io.hearken.survey.domain.Feedback;

import java.time.Instant;

/** A piece of unsolicited feedback as the API shows it. */
public record FeedbackView(String id, String source, String externalId, String author, Integer rating,
                           Integer ratingMax, String text, String url, String language, Instant postedAt,
                           Instant receivedAt) {

    /** What became of one ingested item: {@code created}, or {@code duplicate} (with {@code changed} for an edit). */
    public record Receipt(String id, String status, boolean changed) {
    }

    static FeedbackView of(Feedback item) {
        return new FeedbackView(item.id(), item.source(), item.externalId(), item.author(), item.rating(),
                item.ratingMax(), item.text(), item.url(), item.language(), item.postedAt(), item.receivedAt());
    }
}
