package io.hearken.survey.domain;

import java.util.List;
import java.util.Set;

/** Free text and hidden fields: a string of at most maxLength characters (the kind's ceiling by default). */
final class TextRule implements AnswerRule {

    private final Question question;
    private final int ceiling;
    private final int maxLength;

    TextRule(Question question, int ceiling) {
        this.question = question;
        this.ceiling = ceiling;
        Integer configured = question.settingsOrNone().maxLength();
        this.maxLength = configured == null ? ceiling : configured;
    }

    @Override
    public Set<String> settingsUsed() {
        return Set.of("maxLength");
    }

    @Override
    public void checkDefinition(String field, List<String> languages, String defaultLanguage, Problems problems) {
        if (maxLength < 1 || maxLength > ceiling) {
            problems.add(field + ".settings.maxLength", "must be from 1 to " + ceiling);
        }
    }

    @Override
    public String problemWith(Object value) {
        if (!(value instanceof String text)) {
            return "must be text";
        }
        int length = text.codePointCount(0, text.length());
        return length > maxLength ? "must be at most " + maxLength + " characters, was " + length : null;
    }

    @Override
    public Answer answer(Object value, String language, String defaultLanguage) {
        return Answer.text(question.id(), question.type(), (String) value);
    }
}
