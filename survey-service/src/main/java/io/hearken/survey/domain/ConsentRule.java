package io.hearken.survey.domain;

import java.util.List;
import java.util.Set;

/**
 * A consent checkbox. What a respondent agreed to matters later (a regulator asks "to what, exactly?"), so the
 * answer keeps the question's wording in the language it was shown in. A required consent must be given.
 */
final class ConsentRule implements AnswerRule {

    private final Question question;

    ConsentRule(Question question) {
        this.question = question;
    }

    @Override
    public Set<String> settingsUsed() {
        return Set.of();
    }

    @Override
    public void checkDefinition(String field, List<String> languages, String defaultLanguage, Problems problems) {
        // The wording is the question's text, checked with every question.
    }

    @Override
    public String problemWith(Object value) {
        if (!(value instanceof Boolean given)) {
            return "must be true or false";
        }
        return question.required() && !given ? "must be given (true): this consent is required" : null;
    }

    @Override
    public Answer answer(Object value, String language, String defaultLanguage) {
        return Answer.consent(question.id(), (Boolean) value,
                Translations.in(question.text(), language, defaultLanguage));
    }
}
