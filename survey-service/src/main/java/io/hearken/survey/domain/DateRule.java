package io.hearken.survey.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** A calendar date as {@code yyyy-mm-dd}, optionally between the earliest and latest the designer allows. */
final class DateRule implements AnswerRule {

    private final Question question;
    private final QuestionSettings settings;

    DateRule(Question question) {
        this.question = question;
        this.settings = question.settingsOrNone();
    }

    @Override
    public Set<String> settingsUsed() {
        return Set.of("earliest", "latest");
    }

    @Override
    public void checkDefinition(String field, List<String> languages, String defaultLanguage, Problems problems) {
        if (settings.earliest() != null && settings.latest() != null
                && settings.earliest().isAfter(settings.latest())) {
            problems.add(field + ".settings.latest", "must not be before earliest");
        }
    }

    @Override
    public String problemWith(Object value) {
        LocalDate date = parse(value);
        if (date == null) {
            return "must be a date as yyyy-mm-dd";
        }
        if (settings.earliest() != null && date.isBefore(settings.earliest())) {
            return "must be on or after " + settings.earliest();
        }
        if (settings.latest() != null && date.isAfter(settings.latest())) {
            return "must be on or before " + settings.latest();
        }
        return null;
    }

    @Override
    public Answer answer(Object value, String language, String defaultLanguage) {
        return Answer.date(question.id(), parse(value));
    }

    private static LocalDate parse(Object value) {
        if (!(value instanceof String text) || text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
