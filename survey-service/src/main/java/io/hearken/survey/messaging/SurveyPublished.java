package io.hearken.survey.messaging;

import io.hearken.survey.domain.Question;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyContent;
import io.hearken.survey.domain.SurveyStatus;
import io.hearken.survey.domain.SurveyVersion;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data of a {@code hearken.survey.published.v1} event, the first survey contract: one definition per survey, active
 * or closed, never versioned. No longer written; still read, so that surveys created before versions replay as a
 * survey whose only published version is 1.
 */
public record SurveyPublished(String id, String tenant, String name, Map<String, String> title,
                       String defaultLanguage, List<QuestionData> questions, String status, long version,
                       Instant createdAt, Instant updatedAt) {

    /** One question of the definition. */
    public record QuestionData(String id, String type, boolean required, Map<String, String> text) {
    }

    /**
     * The survey and its version 1; throws {@link IllegalArgumentException} for a status or question type we do
     * not know.
     */
    Survey.Change toChange() {
        SurveyContent content = SurveyContent.onePage(title, defaultLanguage, questions.stream()
                .map(question -> Question.simple(question.id(), QuestionType.named(question.type())
                                .orElseThrow(() -> new IllegalArgumentException("unknown type " + question.type())),
                        question.required(), question.text()))
                .toList());
        SurveyStatus surveyStatus = SurveyStatus.valueOf(status);
        Survey survey = new Survey(id, tenant, name, surveyStatus, version, 1, null, createdAt, updatedAt);
        return new Survey.Change(survey, Optional.of(new SurveyVersion(id, tenant, 1, content, createdAt)));
    }
}
