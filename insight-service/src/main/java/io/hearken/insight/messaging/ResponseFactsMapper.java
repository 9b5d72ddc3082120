package io.hearken.insight.messaging;

import io.hearken.common.events.ResponseSubmitted;
import io.hearken.insight.domain.AnalysedText;
import io.hearken.insight.domain.Dimension;
import io.hearken.insight.domain.Question;
import io.hearken.insight.domain.ResponseFacts;
import io.hearken.insight.service.TextAnalysisService;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * From the response event to what the scores count: its slice values, its scale and choice answers, and its
 * free-text answers (TEXT answers and the "other" text of a choice, named question/other) as analysed.
 */
final class ResponseFactsMapper {

    private ResponseFactsMapper() {
    }

    static ResponseFacts from(ResponseSubmitted event, TextAnalysisService texts) {
        Map<Dimension, String> dimensions = new EnumMap<>(Dimension.class);
        putIfPresent(dimensions, Dimension.SURVEY_VERSION,
                event.surveyVersion() == null ? null : event.surveyVersion().toString());
        putIfPresent(dimensions, Dimension.CHANNEL, event.channel());
        putIfPresent(dimensions, Dimension.TOUCHPOINT, event.touchpoint());
        putIfPresent(dimensions, Dimension.JOURNEY_STAGE, event.journeyStage());
        putIfPresent(dimensions, Dimension.LOCALE, event.language());
        List<ResponseFacts.CountedAnswer> answers = new ArrayList<>();
        List<AnalysedText> analysed = new ArrayList<>();
        for (ResponseSubmitted.AnswerValue answer : event.answers() == null
                ? List.<ResponseSubmitted.AnswerValue>of() : event.answers()) {
            addCounted(answers, answer);
            if ("TEXT".equals(answer.type()) && hasText(answer.text())) {
                analysed.add(new AnalysedText(answer.questionId(), texts.analyze(answer.text(), event.language())));
            }
            if (Question.isChoice(answer.type()) && hasText(answer.otherText())) {
                analysed.add(new AnalysedText(answer.questionId() + "/other",
                        texts.analyze(answer.otherText(), event.language())));
            }
        }
        return new ResponseFacts(event.responseId(), event.tenant(), event.surveyId(), event.submittedAt(),
                dimensions, answers, analysed, namesSomeone(event.respondent()));
    }

    /**
     * Whether the respondent named themselves (a customer id, an email or a phone): then profile-service puts the
     * response on a customer's timeline and attributes it to their segments. Wider than profile-service's own test (it
     * also checks the shapes): a response it refuses only waits in the segment join for nothing, and counts nowhere.
     */
    private static boolean namesSomeone(ResponseSubmitted.Respondent respondent) {
        return respondent != null && (hasText(respondent.customerId()) || hasText(respondent.email())
                || hasText(respondent.phone()));
    }

    private static void addCounted(List<ResponseFacts.CountedAnswer> answers, ResponseSubmitted.AnswerValue answer) {
        String type = answer.type();
        if ("MATRIX".equals(type) && answer.rows() != null && answer.scaleMin() != null
                && answer.scaleMax() != null) {
            // Each row of a matrix is a rating of its own, named question/row.
            answer.rows().forEach((row, score) -> {
                if (score != null) {
                    answers.add(new ResponseFacts.CountedAnswer(new Question(answer.questionId() + "/" + row, type,
                            answer.scaleMin(), answer.scaleMax()), score, null));
                }
            });
        } else if (Question.isScale(type) && answer.score() != null) {
            answers.add(new ResponseFacts.CountedAnswer(new Question(answer.questionId(), type, answer.scaleMin(),
                    answer.scaleMax()), answer.score(), null));
        } else if (Question.isChoice(type) && answer.choices() != null && !answer.choices().isEmpty()) {
            answers.add(new ResponseFacts.CountedAnswer(new Question(answer.questionId(), type, 0, 0), null,
                    answer.choices()));
        }
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    private static void putIfPresent(Map<Dimension, String> dimensions, Dimension dimension, String value) {
        if (value != null && !value.isBlank()) {
            dimensions.put(dimension, value);
        }
    }
}
