package io.hearken.survey.rest;

import io.hearken.survey.domain.Survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A survey definition as the administration API shows it. */
public record SurveyView(String id, String tenant, String name, Map<String, String> title, String defaultLanguage,
                         List<QuestionView> questions, String status, long version, Instant createdAt,
                         Instant updatedAt) {

    /** One question: its id, kind, whether it must be answered, and its wording per language. */
    public record QuestionView(String id, String type, boolean required, Map<String, String> text) {
    }

    static SurveyView of(Survey survey) {
        return new SurveyView(survey.id(), survey.tenant(), survey.name(), survey.title(), survey.defaultLanguage(),
                survey.questions().stream().map(question -> new QuestionView(question.id(), question.type().name(),
                        question.required(), question.text())).toList(),
                survey.status().name(), survey.version(), survey.createdAt(), survey.updatedAt());
    }
}
