package io.hearken.survey.domain;

import java.util.List;
import java.util.Set;

/**
 * How one kind of question judges its definition and its answers. An answer arrives as the JSON value the channel
 * sent (a number, a text, a list, an object or a yes/no) and leaves as a typed {@link Answer}.
 */
interface AnswerRule {

    /** The {@link QuestionSettings} fields this kind reads; setting any other is a mistake in the definition. */
    Set<String> settingsUsed();

    /** Adds what is wrong with the question's settings to {@code problems}, naming fields under {@code field}. */
    void checkDefinition(String field, List<String> languages, String defaultLanguage, Problems problems);

    /** Why {@code value} is not a valid answer, or null if it is. */
    String problemWith(Object value);

    /** The answer kept for a valid {@code value}, answered in {@code language}. */
    Answer answer(Object value, String language, String defaultLanguage);

    /** Whether a JSON number is a whole number that fits an int. */
    static boolean isWholeNumber(Object value) {
        return (value instanceof Integer) || (value instanceof Long number
                && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE);
    }
}
