package io.hearken.insight.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What an identified response will add to the rows of the segments its customer was in, kept until its attribution
 * comes (or kept by the attribution until the response comes): its survey, its day (the tenant's local date, fixed
 * when the response was read), its dimension values in {@link Dimension} order and its countable answers. Holds no
 * identity and no text.
 */
public record SegmentAnswers(String surveyId, LocalDate day, List<String> dimensionValues, List<Answer> answers) {

    /** One counted answer: a scale point ({@code score}) or the options picked ({@code choices}). */
    public record Answer(String questionId, String type, int scaleMin, int scaleMax, Integer score,
                         List<String> choices) {

        ResponseFacts.CountedAnswer counted() {
            return new ResponseFacts.CountedAnswer(new Question(questionId, type, scaleMin, scaleMax), score, choices);
        }
    }

    /** What {@code response} would add to its segments, in a tenant whose days are those of {@code zone}. */
    public static SegmentAnswers of(ResponseFacts response, ZoneId zone) {
        return new SegmentAnswers(response.surveyId(), LocalDate.ofInstant(response.submittedAt(), zone),
                ResponseRollups.dimensionValues(response.dimensions()),
                response.answers().stream().map(answer -> new Answer(answer.question().questionId(),
                        answer.question().type(), answer.question().scaleMin(), answer.question().scaleMax(),
                        answer.score(), answer.choices())).toList());
    }
}
