package io.hearken.webhook.rest;

import io.hearken.webhook.domain.InboundFeedback;

import java.time.Instant;

/**
 * The body a partner posts to a source: the same fields as survey-service's feedback ingestion
 * ({@code POST /v1/feedback}), which checks them. {@code source} may be sent but is replaced by the source's name;
 * {@code externalId} defaults to the message's {@code webhook-id}.
 */
public record InboundFeedbackRequest(String source, String externalId, String author, Integer rating,
                                     Integer ratingMax, String text, String url, String language, Instant postedAt) {

    InboundFeedback toFeedback() {
        return new InboundFeedback(source, externalId, author, rating, ratingMax, text, url, language, postedAt);
    }
}
