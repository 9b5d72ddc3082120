package io.hearken.survey.domain;

import java.time.Instant;

/** A piece of unsolicited feedback as a partner or an importer describes it, for {@link Feedback#from}. */
public record IngestFeedback(String tenant, String source, String externalId, String author, Integer rating,
                             Integer ratingMax, String text, String url, String language, Instant postedAt) {
}
