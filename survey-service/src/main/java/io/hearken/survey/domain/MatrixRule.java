package io.hearken.survey.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A matrix: rows (aspects such as "speed", "friendliness") each rated on the same min..max scale. The answer maps
 * row ids to scores; a required matrix needs every row, an optional one any of them.
 */
final class MatrixRule implements AnswerRule {

    static final int MAX_ROWS = 50;

    private final Question question;
    private final QuestionSettings settings;
    private final int min;
    private final int max;

    MatrixRule(Question question) {
        this.question = question;
        this.settings = question.settingsOrNone();
        this.min = settings.min() == null ? 1 : settings.min();
        this.max = settings.max() == null ? 5 : settings.max();
    }

    @Override
    public Set<String> settingsUsed() {
        return Set.of("rows", "min", "max", "labels");
    }

    @Override
    public void checkDefinition(String field, List<String> languages, String defaultLanguage, Problems problems) {
        if (min < ScaleRule.LOWEST_RATING || max > ScaleRule.HIGHEST_RATING || min >= max) {
            problems.add(field + ".settings.max", "a matrix scale must satisfy " + ScaleRule.LOWEST_RATING
                    + " <= min < max <= " + ScaleRule.HIGHEST_RATING + ", was " + min + ".." + max);
        }
        if (settings.rows() != null && settings.rows().size() > MAX_ROWS) {
            problems.add(field + ".settings.rows", "must list at most " + MAX_ROWS + " rows");
        } else {
            ChoiceRule.checkOptions(settings.rows(), field + ".settings.rows", false, languages, defaultLanguage,
                    problems);
        }
        ScaleRule.checkLabels(settings.labels(), min, max, field + ".settings.labels", languages, defaultLanguage,
                problems);
    }

    @Override
    public String problemWith(Object value) {
        if (!(value instanceof Map<?, ?> scores) || scores.isEmpty()) {
            return "must map row ids to scores from " + min + " to " + max;
        }
        List<String> rows = settings.rows().stream().map(QuestionSettings.Option::id).toList();
        for (Map.Entry<?, ?> entry : scores.entrySet()) {
            if (!rows.contains(entry.getKey())) {
                return "'" + entry.getKey() + "' is not a row of this matrix";
            }
            String problem = ScaleRule.problemWithScore(entry.getValue(), min, max);
            if (problem != null) {
                return "row '" + entry.getKey() + "' " + problem;
            }
        }
        if (question.required() && scores.size() < rows.size()) {
            return "must rate every row: " + rows;
        }
        return null;
    }

    @Override
    public Answer answer(Object value, String language, String defaultLanguage) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((row, score) -> rows.put((String) row, ((Number) score).intValue()));
        return Answer.matrix(question.id(), rows, min, max);
    }
}
