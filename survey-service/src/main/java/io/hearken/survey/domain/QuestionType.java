package io.hearken.survey.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of question a survey can ask. Each kind has its own {@link AnswerRule}: what its settings may be, what a
 * valid answer is, and what is kept of it. A new kind is a new constant with its rule, never a branch elsewhere.
 */
public enum QuestionType {
    /** Net Promoter Score: "how likely are you to recommend us", 0 to 10. */
    NPS(question -> new ScaleRule(question, 0, 10)),
    /** Customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied). */
    CSAT(question -> new ScaleRule(question, 1, 5)),
    /** Customer effort, 1 (very difficult) to 7 (very easy). */
    CES(question -> new ScaleRule(question, 1, 7)),
    /** A rating on a range the designer chooses (stars, 0–10, ...), with optional labels. */
    RATING(ScaleRule::configurable),
    /** One option, or "other" with a text when allowed. */
    SINGLE_CHOICE(question -> new ChoiceRule(question, false)),
    /** Between minPicks and maxPicks options, "other" with a text when allowed. */
    MULTIPLE_CHOICE(question -> new ChoiceRule(question, true)),
    /** Every option in the respondent's order of preference. */
    RANKING(RankingRule::new),
    /** Several rows, each rated on one scale. */
    MATRIX(MatrixRule::new),
    /** Free text up to maxLength characters (at most 5000). */
    TEXT(question -> new TextRule(question, 5000)),
    /** A calendar date, optionally between earliest and latest. */
    DATE(DateRule::new),
    /** A checkbox; the wording agreed to is kept with the answer. */
    CONSENT(ConsentRule::new),
    /** A value carried from the invitation or link (order id, store, agent), never shown. */
    HIDDEN(question -> new TextRule(question, 500));

    private final Function<Question, AnswerRule> rule;

    QuestionType(Function<Question, AnswerRule> rule) {
        this.rule = rule;
    }

    /** The rule that judges answers to {@code question}, a question of this kind. */
    AnswerRule ruleFor(Question question) {
        return rule.apply(question);
    }

    /** Whether answers are a score on a scale (what insights turn into NPS, CSAT, CES and rating figures). */
    public boolean isScale() {
        return this == NPS || this == CSAT || this == CES || this == RATING;
    }

    public static Optional<QuestionType> named(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }

    public static String allNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
