package io.hearken.survey.messaging;

import io.hearken.survey.domain.Question;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Data of a {@code hearken.survey.published.v1} event: the whole definition of one version of a survey. Its fields
 * are those the domain survey was written with before it had an event record of its own, so every event already on
 * the topic still reads.
 */
public record SurveyPublished(String id, String tenant, String name, Map<String, String> title,
                              String defaultLanguage, List<QuestionData> questions, String status, long version,
                              Instant createdAt, Instant updatedAt) {

    /** One question of the definition. */
    public record QuestionData(String id, String type, boolean required, Map<String, String> text) {
    }

    static SurveyPublished of(Survey survey) {
        return new SurveyPublished(survey.id(), survey.tenant(), survey.name(), survey.title(),
                survey.defaultLanguage(), survey.questions().stream().map(question -> new QuestionData(question.id(),
                        question.type().name(), question.required(), question.text())).toList(),
                survey.status().name(), survey.version(), survey.createdAt(), survey.updatedAt());
    }

    /** The domain survey; throws {@link IllegalArgumentException} for a status or question type we do not know. */
    Survey toSurvey() {
        return new Survey(id, tenant, name, title, defaultLanguage, questions.stream()
                .map(question -> new Question(question.id(), QuestionType.valueOf(question.type()),
                        question.required(), question.text()))
                .toList(), SurveyStatus.valueOf(status), version, createdAt, updatedAt);
    }
}
