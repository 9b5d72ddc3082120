package io.hearken.insight.domain;

import java.time.Instant;

/**
 * What the text rollups need of one piece of unsolicited feedback: whose, from which source (an app store, a review
 * site, a ticket system: its channel), in which language, when it was posted, and its text as analysed.
 */
public record FeedbackFacts(String feedbackId, String tenant, String source, String language, Instant postedAt,
                            AnalysedText text) {
}
