package io.hearken.survey.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores on a whole-number scale: the fixed NPS (0–10), CSAT (1–5) and CES (1–7) scales, and ratings whose range
 * the designer sets (within 0..100). Labels name some points of the scale.
 */
final class ScaleRule implements AnswerRule {

    static final int LOWEST_RATING = 0;
    static final int HIGHEST_RATING = 100;

    private final Question question;
    private final int min;
    private final int max;
    private final boolean configurable;

    ScaleRule(Question question, int min, int max) {
        this(question, min, max, false);
    }

    private ScaleRule(Question question, int min, int max, boolean configurable) {
        this.question = question;
        this.min = min;
        this.max = max;
        this.configurable = configurable;
    }

    static ScaleRule configurable(Question question) {
        QuestionSettings settings = question.settingsOrNone();
        return new ScaleRule(question, settings.min() == null ? 1 : settings.min(),
                settings.max() == null ? 5 : settings.max(), true);
    }

    int min() {
        return min;
    }

    int max() {
        return max;
    }

    @Override
    public Set<String> settingsUsed() {
        return configurable ? Set.of("min", "max", "labels") : Set.of("labels");
    }

    @Override
    public void checkDefinition(String field, List<String> languages, String defaultLanguage, Problems problems) {
        if (configurable && (min < LOWEST_RATING || max > HIGHEST_RATING || min >= max)) {
            problems.add(field + ".settings.max", "a rating's range must satisfy " + LOWEST_RATING
                    + " <= min < max <= " + HIGHEST_RATING + ", was " + min + ".." + max);
        }
        checkLabels(question.settingsOrNone().labels(), min, max, field + ".settings.labels", languages,
                defaultLanguage, problems);
    }

    /** Labels are keyed by a score of the scale; each is a respondent-facing text. */
    static void checkLabels(Map<String, Map<String, String>> labels, int min, int max, String field,
                            List<String> languages, String defaultLanguage, Problems problems) {
        if (labels == null) {
            return;
        }
        labels.forEach((point, text) -> {
            Integer score = parseScore(point);
            if (score == null || score < min || score > max) {
                problems.add(field + "." + point, "must be keyed by a score from " + min + " to " + max);
            } else {
                Translations.check(text, field + "." + point, languages, defaultLanguage, problems);
            }
        });
    }

    private static Integer parseScore(String point) {
        try {
            return Integer.valueOf(point);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String problemWith(Object value) {
        return problemWithScore(value, min, max);
    }

    static String problemWithScore(Object value, int min, int max) {
        if (!AnswerRule.isWholeNumber(value)) {
            return "must be a whole number from " + min + " to " + max;
        }
        long score = ((Number) value).longValue();
        return score < min || score > max ? "must be from " + min + " to " + max + ", was " + score : null;
    }

    @Override
    public Answer answer(Object value, String language, String defaultLanguage) {
        return Answer.score(question.id(), question.type(), ((Number) value).intValue(), min, max);
    }
}
