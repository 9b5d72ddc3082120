package io.hearken.survey.domain;

import java.util.List;
import java.util.Map;

/**
 * Rules for respondent-facing texts, which are maps from language tag to wording. A text must exist in the survey's
 * default language; other offered languages may be missing, and a respondent in such a language reads the default.
 */
public final class Translations {

    /** Languages a survey may offer; the respondent pages and the console know these. */
    public static final List<String> SUPPORTED = List.of("en", "ja", "zh-TW", "zh-CN");
    /** Longest single text in UTF-8 bytes: a question, an option label, a closing text. */
    public static final int MAX_TEXT_BYTES = 3000;

    private Translations() {
    }

    /** The wording in {@code language}, or in {@code fallback} when the text has none in that language. */
    public static String in(Map<String, String> text, String language, String fallback) {
        if (text == null) {
            return null;
        }
        String wording = text.get(language);
        return wording != null ? wording : text.get(fallback);
    }

    /** What is wrong with a respondent-facing text at {@code field}, added to {@code problems}. */
    static void check(Map<String, String> text, String field, List<String> languages, String defaultLanguage,
                      Problems problems) {
        if (text == null || text.isEmpty()) {
            problems.add(field, "must have a text in the default language '" + defaultLanguage + "'");
            return;
        }
        if (!text.containsKey(defaultLanguage)) {
            problems.add(field, "must have a text in the default language '" + defaultLanguage + "'");
        }
        text.forEach((language, wording) -> {
            if (!languages.contains(language)) {
                problems.add(field + "." + language, "is not a language the survey offers " + languages);
            } else if (wording == null || wording.isBlank()) {
                problems.add(field + "." + language, "must not be blank");
            } else if (Problems.utf8Length(wording) > MAX_TEXT_BYTES) {
                problems.add(field + "." + language, "must be at most " + MAX_TEXT_BYTES + " bytes in UTF-8");
            }
        });
    }
}
