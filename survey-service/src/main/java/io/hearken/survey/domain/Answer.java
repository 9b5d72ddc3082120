package io.hearken.survey.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One accepted answer, typed by its question's kind: which fields are set depends on {@link #type()}.
 * <ul>
 * <li>scales (NPS, CSAT, CES, RATING): {@code score}, with the scale's {@code scaleMin} and {@code scaleMax} so a
 * reader can compare ratings on different ranges;</li>
 * <li>TEXT and HIDDEN: {@code text};</li>
 * <li>SINGLE_CHOICE and MULTIPLE_CHOICE: {@code choices} (option ids) and {@code otherText} when "other" was picked;
 * RANKING: {@code choices} in the respondent's order, first is best;</li>
 * <li>MATRIX: {@code rows}, row id to score, with the scale bounds;</li>
 * <li>DATE: {@code date}; CONSENT: {@code consent} and, in {@code text}, the wording the respondent agreed to.</li>
 * </ul>
 */
public record Answer(String questionId, QuestionType type, Integer score, Integer scaleMin, Integer scaleMax,
                     String text, List<String> choices, String otherText, Map<String, Integer> rows, LocalDate date,
                     Boolean consent) {

    static Answer score(String questionId, QuestionType type, int score, int min, int max) {
        return new Answer(questionId, type, score, min, max, null, null, null, null, null, null);
    }

    static Answer text(String questionId, QuestionType type, String text) {
        return new Answer(questionId, type, null, null, null, text, null, null, null, null, null);
    }

    static Answer choices(String questionId, QuestionType type, List<String> choices, String otherText) {
        return new Answer(questionId, type, null, null, null, null, List.copyOf(choices), otherText, null, null,
                null);
    }

    static Answer matrix(String questionId, Map<String, Integer> rows, int min, int max) {
        return new Answer(questionId, QuestionType.MATRIX, null, min, max, null, null, null, Map.copyOf(rows), null,
                null);
    }

    static Answer date(String questionId, LocalDate date) {
        return new Answer(questionId, QuestionType.DATE, null, null, null, null, null, null, null, date, null);
    }

    static Answer consent(String questionId, boolean given, String wording) {
        return new Answer(questionId, QuestionType.CONSENT, null, null, null, wording, null, null, null, null, given);
    }

    /**
     * This answer without the respondent's own words: a text or hidden value and an "other" text are gone; a
     * consent keeps its text, which is the survey's wording, not theirs.
     */
    Answer withoutFreeText() {
        String kept = type == QuestionType.TEXT || type == QuestionType.HIDDEN ? null : text;
        return new Answer(questionId, type, score, scaleMin, scaleMax, kept, choices, null, rows, date, consent);
    }

    /** The value branching conditions compare: a number, a text, a list of option ids, a date, or a yes/no. */
    Object comparable() {
        if (score != null) {
            return score;
        }
        if (choices != null) {
            return choices;
        }
        if (date != null) {
            return date.toString();
        }
        if (consent != null) {
            return consent;
        }
        if (rows != null) {
            return rows;
        }
        return text;
    }

    /** A stable text form of everything the answer says, for content fingerprints. */
    String canonical() {
        return questionId + "=" + type + ":" + score + ":" + scaleMin + ":" + scaleMax + ":" + text + ":" + choices
                + ":" + otherText + ":" + (rows == null ? null : new TreeMap<>(rows)) + ":" + date + ":"
                + consent;
    }
}
