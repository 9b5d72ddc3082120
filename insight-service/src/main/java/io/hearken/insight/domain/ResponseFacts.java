package io.hearken.insight.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the scores need of one complete response: whose, when, its slice values, its countable answers (scales and
 * choices) and its free-text answers as analysed, and whether it names its respondent ({@code identified}: then
 * profile-service attributes it to a customer and their segments). Mapped from the event by the consumer, so the
 * rollup rules never read the event contract.
 */
public record ResponseFacts(String responseId, String tenant, String surveyId, Instant submittedAt,
                            Map<Dimension, String> dimensions, List<CountedAnswer> answers, List<AnalysedText> texts,
                            boolean identified) {

    /** An anonymous response. */
    public ResponseFacts(String responseId, String tenant, String surveyId, Instant submittedAt,
                         Map<Dimension, String> dimensions, List<CountedAnswer> answers, List<AnalysedText> texts) {
        this(responseId, tenant, surveyId, submittedAt, dimensions, answers, texts, false);
    }

    /** The NPS types whose answers place a respondent in a group: the standard 0–10 question. */
    private static final Question.Scale NPS_SCALE = new Question.Scale(0, 10);

    /** A scale answer ({@code score} set) or a choice answer ({@code choices} set) to {@code question}. */
    public record CountedAnswer(Question question, Integer score, List<String> choices) {
    }

    /** The respondent's NPS group, from the first 0–10 NPS answer; null when the response has none. */
    public NpsScore.NpsGroup npsGroup() {
        return answers.stream()
                .filter(answer -> "NPS".equals(answer.question().type()) && answer.score() != null
                        && NPS_SCALE.equals(answer.question().scale()))
                .findFirst()
                .map(answer -> NpsScore.groupOf(answer.score()))
                .orElse(null);
    }
}
