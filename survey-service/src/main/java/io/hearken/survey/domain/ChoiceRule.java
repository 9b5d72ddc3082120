package io.hearken.survey.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Single and multiple choice. An answer names option ids: {@code "a"} (single), {@code ["a", "b"]} (multiple), or
 * {@code {"choices": ["other"], "other": "my words"}} when the question offers "other" with a text.
 */
final class ChoiceRule implements AnswerRule {

    static final String OTHER = "other";
    static final int MAX_OPTIONS = 100;
    static final int MAX_OTHER_TEXT = 500;
    static final Pattern OPTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Question question;
    private final boolean multiple;
    private final QuestionSettings settings;

    ChoiceRule(Question question, boolean multiple) {
        this.question = question;
        this.multiple = multiple;
        this.settings = question.settingsOrNone();
    }

    @Override
    public Set<String> settingsUsed() {
        return multiple ? Set.of("options", "minPicks", "maxPicks", "allowOther", "randomiseOptions")
                : Set.of("options", "allowOther", "randomiseOptions");
    }

    @Override
    public void checkDefinition(String field, List<String> languages, String defaultLanguage, Problems problems) {
        checkOptions(settings.options(), field + ".settings.options", settings.allowsOther(), languages,
                defaultLanguage, problems);
        if (multiple) {
            int choosable = optionCount() + (settings.allowsOther() ? 1 : 0);
            int fewest = minPicks();
            int most = maxPicks();
            if (fewest < 0 || most < 1 || fewest > most || most > choosable) {
                problems.add(field + ".settings.maxPicks", "picks must satisfy 0 <= minPicks <= maxPicks <= "
                        + choosable + " (the options), were " + fewest + ".." + most);
            }
        }
    }

    /** Options need 1 to 100 unique ids, each labelled; "other" is reserved when the question offers it. */
    static void checkOptions(List<QuestionSettings.Option> options, String field, boolean otherReserved,
                             List<String> languages, String defaultLanguage, Problems problems) {
        if (options == null || options.isEmpty() || options.size() > MAX_OPTIONS) {
            problems.add(field, "must list 1 to " + MAX_OPTIONS + " options");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < options.size(); index++) {
            QuestionSettings.Option option = options.get(index);
            String at = field + "[" + index + "]";
            if (option == null || option.id() == null || !OPTION_ID.matcher(option.id()).matches()) {
                problems.add(at + ".id", "must be 1 to 64 letters, digits, '_' or '-'");
                continue;
            }
            if (!ids.add(option.id())) {
                problems.add(at + ".id", "duplicates the option '" + option.id() + "'");
            }
            if (otherReserved && OTHER.equals(option.id())) {
                problems.add(at + ".id", "'other' is reserved for the \"other\" answer (allowOther)");
            }
            Translations.check(option.label(), at + ".label", languages, defaultLanguage, problems);
        }
    }

    @Override
    public String problemWith(Object value) {
        Picked picked = picked(value);
        if (picked == null) {
            return multiple
                    ? "must be a list of option ids, or {\"choices\": [...], \"other\": \"text\"}"
                    : "must be an option id, or {\"choices\": [\"other\"], \"other\": \"text\"}";
        }
        Set<String> known = new HashSet<>(optionIds());
        Set<String> seen = new HashSet<>();
        for (String choice : picked.choices()) {
            if (choice == null || !(known.contains(choice) || (OTHER.equals(choice) && settings.allowsOther()))) {
                return "'" + choice + "' is not an option of this question";
            }
            if (!seen.add(choice)) {
                return "picks '" + choice + "' twice";
            }
        }
        boolean other = seen.contains(OTHER) && settings.allowsOther();
        if (other && (picked.otherText() == null || picked.otherText().isBlank())) {
            return "picks 'other', so it needs the other text";
        }
        if (!other && picked.otherText() != null) {
            return "has an other text but does not pick 'other'";
        }
        if (other && picked.otherText().length() > MAX_OTHER_TEXT) {
            return "other text must be at most " + MAX_OTHER_TEXT + " characters";
        }
        int count = picked.choices().size();
        if (!multiple && count != 1) {
            return "must pick exactly one option";
        }
        if (multiple && (count < Math.max(minPicks(), 1) || count > maxPicks())) {
            return "must pick " + Math.max(minPicks(), 1) + " to " + maxPicks() + " options, picked " + count;
        }
        return null;
    }

    @Override
    public Answer answer(Object value, String language, String defaultLanguage) {
        Picked picked = picked(value);
        return Answer.choices(question.id(), question.type(), picked.choices(), picked.otherText());
    }

    private record Picked(List<String> choices, String otherText) {
    }

    /** The picks in any of the accepted shapes, or null if the value has none of them. */
    private Picked picked(Object value) {
        if (!multiple && value instanceof String single) {
            return new Picked(List.of(single), null);
        }
        if (multiple && value instanceof List<?> list) {
            List<String> choices = strings(list);
            return choices == null ? null : new Picked(choices, null);
        }
        if (value instanceof Map<?, ?> object && object.containsKey("choices")
                && object.keySet().stream().allMatch(key -> "choices".equals(key) || OTHER.equals(key))
                && object.get("choices") instanceof List<?> list
                && (object.get(OTHER) == null || object.get(OTHER) instanceof String)) {
            List<String> choices = strings(list);
            return choices == null ? null : new Picked(choices, (String) object.get(OTHER));
        }
        return null;
    }

    private static List<String> strings(List<?> list) {
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                return null;
            }
            strings.add(text);
        }
        return strings;
    }

    private List<String> optionIds() {
        return settings.options() == null ? List.of()
                : settings.options().stream().map(QuestionSettings.Option::id).toList();
    }

    private int optionCount() {
        return settings.options() == null ? 0 : settings.options().size();
    }

    private int minPicks() {
        return settings.minPicks() == null ? 1 : settings.minPicks();
    }

    private int maxPicks() {
        return settings.maxPicks() == null ? optionCount() + (settings.allowsOther() ? 1 : 0) : settings.maxPicks();
    }
}
