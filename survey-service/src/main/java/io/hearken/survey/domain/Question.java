package io.hearken.survey.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One question of a survey version. {@code text} holds the wording per language tag and may pipe an earlier answer
 * in with {@code {{questionId}}}; {@code showIf} hides the question unless earlier answers meet it; {@code settings}
 * holds what its kind needs (options, range, ...).
 */
public record Question(String id, QuestionType type, boolean required, Map<String, String> text, Condition showIf,
                       QuestionSettings settings) {

    /** A question with no logic and no settings, as the simple kinds (NPS, CSAT, CES, TEXT) need. */
    public static Question simple(String id, QuestionType type, boolean required, Map<String, String> text) {
        return new Question(id, type, required, text, null, null);
    }

    /** The range of a score question (NPS 0–10, CSAT 1–5, a rating's own); empty for other kinds. */
    public Optional<Scale> scale() {
        return rule() instanceof ScaleRule rule ? Optional.of(new Scale(rule.min(), rule.max())) : Optional.empty();
    }

    /** The lowest and highest score of a scale. */
    public record Scale(int min, int max) {
    }

    QuestionSettings settingsOrNone() {
        return settings == null ? QuestionSettings.NONE : settings;
    }

    AnswerRule rule() {
        return type.ruleFor(this);
    }

    /** Names of the settings fields this question sets, to refuse those its kind does not read. */
    List<String> settingsSet() {
        QuestionSettings s = settingsOrNone();
        return Stream.of(
                        s.min() == null ? null : "min", s.max() == null ? null : "max",
                        s.labels() == null ? null : "labels", s.options() == null ? null : "options",
                        s.minPicks() == null ? null : "minPicks", s.maxPicks() == null ? null : "maxPicks",
                        s.allowOther() == null ? null : "allowOther",
                        s.randomiseOptions() == null ? null : "randomiseOptions", s.rows() == null ? null : "rows",
                        s.maxLength() == null ? null : "maxLength", s.earliest() == null ? null : "earliest",
                        s.latest() == null ? null : "latest")
                .filter(Objects::nonNull)
                .toList();
    }
}
