package io.hearken.webhook.domain;

import java.time.Instant;

/**
 * A piece of feedback a partner sent through a source, in survey-service's ingestion shape (its
 * {@code FeedbackRequest}), which checks every field. Two of them are ours to decide: the {@code source} is the
 * inbound source's name, whatever the body said, so a partner cannot write into another source's feedback; and an
 * item without its own {@code externalId} is known by its message id, so a retried message is kept once.
 */
public record InboundFeedback(String source, String externalId, String author, Integer rating, Integer ratingMax,
                              String text, String url, String language, Instant postedAt) {

    /** This feedback as it is forwarded from {@code inboundSource}, where it came as message {@code messageId}. */
    public InboundFeedback forwardedFrom(InboundSource inboundSource, String messageId) {
        String identified = externalId == null || externalId.isBlank() ? messageId : externalId;
        return new InboundFeedback(inboundSource.name(), identified, author, rating, ratingMax, text, url, language,
                postedAt);
    }
}
