package io.hearken.survey.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Ranking: the answer lists every option id once, most preferred first. */
final class RankingRule implements AnswerRule {

    private final Question question;
    private final QuestionSettings settings;

    RankingRule(Question question) {
        this.question = question;
        this.settings = question.settingsOrNone();
    }

    @Override
    public Set<String> settingsUsed() {
        return Set.of("options", "randomiseOptions");
    }

    @Override
    public void checkDefinition(String field, List<String> languages, String defaultLanguage, Problems problems) {
        ChoiceRule.checkOptions(settings.options(), field + ".settings.options", false, languages, defaultLanguage,
                problems);
    }

    @Override
    public String problemWith(Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            return "must be a list of option ids, most preferred first";
        }
        Set<String> options = new HashSet<>(settings.options().stream().map(QuestionSettings.Option::id).toList());
        Set<String> seen = new HashSet<>();
        for (Object item : list) {
            if (!options.contains(item)) {
                return "'" + item + "' is not an option of this question";
            }
            if (!seen.add((String) item)) {
                return "ranks '" + item + "' twice";
            }
        }
        return seen.size() == options.size() ? null : "must rank all " + options.size() + " options";
    }

    @Override
    public Answer answer(Object value, String language, String defaultLanguage) {
        return Answer.choices(question.id(), QuestionType.RANKING,
                ((List<?>) value).stream().map(String.class::cast).toList(), null);
    }
}
