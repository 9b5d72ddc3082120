package io.hearken.survey.rest;

import io.hearken.survey.domain.IngestFeedback;

import java.time.Instant;

/**
 * One piece of unsolicited feedback as a partner or importer sends it: where it comes from ({@code source},
 * {@code externalId}, {@code url}), who wrote it ({@code author}, a handle), a rating if the source has one
 * ({@code rating} of {@code ratingMax}), the text and its language, and when it was posted. The domain checks it.
 */
public record FeedbackRequest(String source, String externalId, String author, Integer rating, Integer ratingMax,
                              String text, String url, String language, Instant postedAt) {

    IngestFeedback toCommand(String tenant) {
        return new IngestFeedback(tenant, source, externalId, author, rating, ratingMax, text, url, language,
                postedAt);
    }
}
