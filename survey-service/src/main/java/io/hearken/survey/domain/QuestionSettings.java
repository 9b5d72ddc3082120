package io.hearken.survey.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The part of a question's definition that depends on its kind; each kind reads only its own fields (see
 * {@link QuestionType}) and refuses a definition that sets fields it does not use.
 *
 * @param min             RATING: lowest score (default 1); MATRIX: lowest score of each row (default 1)
 * @param max             RATING: highest score (default 5); MATRIX: highest score of each row (default 5)
 * @param labels          RATING, MATRIX and the fixed scales: wording for some scores, keyed by the score
 * @param options         SINGLE_CHOICE, MULTIPLE_CHOICE, RANKING: the options
 * @param minPicks        MULTIPLE_CHOICE: fewest options a respondent must pick (default 1)
 * @param maxPicks        MULTIPLE_CHOICE: most options a respondent may pick (default: all)
 * @param allowOther      SINGLE_CHOICE, MULTIPLE_CHOICE: whether an "other" option with a text is offered
 * @param randomiseOptions choice kinds and RANKING: whether the respondent sees the options shuffled
 * @param rows            MATRIX: the rows, each rated on the min..max scale
 * @param maxLength       TEXT and HIDDEN: longest answer in characters (default and ceiling 5000 for TEXT, 500 for
 *                        HIDDEN)
 * @param earliest        DATE: the earliest date accepted
 * @param latest          DATE: the latest date accepted
 */
public record QuestionSettings(Integer min, Integer max, Map<String, Map<String, String>> labels,
                               List<Option> options, Integer minPicks, Integer maxPicks, Boolean allowOther,
                               Boolean randomiseOptions, List<Option> rows, Integer maxLength, LocalDate earliest,
                               LocalDate latest) {

    public static final QuestionSettings NONE = new QuestionSettings(null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** An option of a choice or ranking question, or a row of a matrix: a stable id and its wording. */
    public record Option(String id, Map<String, String> label) {
    }

    boolean allowsOther() {
        return Boolean.TRUE.equals(allowOther);
    }
}
