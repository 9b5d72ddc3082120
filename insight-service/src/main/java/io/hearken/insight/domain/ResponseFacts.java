package io.hearken.insight.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the scores need of one complete response: whose, when, its slice values and its countable answers (scales and
 * choices; text goes to text analytics). Mapped from the event by the consumer, so the rollup rules never read the
 * event contract.
 */
public record ResponseFacts(String responseId, String tenant, String surveyId, Instant submittedAt,
                            Map<Dimension, String> dimensions, List<CountedAnswer> answers) {

    /** A scale answer ({@code score} set) or a choice answer ({@code choices} set) to {@code question}. */
    public record CountedAnswer(Question question, Integer score, List<String> choices) {
    }
}
