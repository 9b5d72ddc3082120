package io.hearken.survey.domain;

/**
 * The kinds of question a survey can ask. Scale types carry their valid range, so validation and scoring agree on
 * what a valid answer is.
 */
public enum QuestionType {
    /** Net Promoter Score: "how likely are you to recommend", 0 to 10. */
    NPS(0, 10),
    /** Customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied). */
    CSAT(1, 5),
    /** Customer effort, 1 (very difficult) to 7 (very easy). */
    CES(1, 7),
    /** A free-text answer. */
    TEXT(null, null);

    /** Longest free-text answer accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 5000;

    private final Integer minScore;
    private final Integer maxScore;

    QuestionType(Integer minScore, Integer maxScore) {
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    public boolean isScale() {
        return minScore != null;
    }

    public Integer minScore() {
        return minScore;
    }

    public Integer maxScore() {
        return maxScore;
    }
}
