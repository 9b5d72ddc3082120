package io.hearken.survey.domain;

/**
 * The kinds of question a survey can ask, each with its own answer rule: what a valid answer is, and what is kept of
 * it (a score or a text). A new kind of question is a new constant with its rule, not a branch in the service.
 */
public enum QuestionType {
    /** Net Promoter Score: "how likely are you to recommend", 0 to 10. */
    NPS(0, 10),
    /** Customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied). */
    CSAT(1, 5),
    /** Customer effort, 1 (very difficult) to 7 (very easy). */
    CES(1, 7),
    /** A free-text answer of at most {@link #MAX_TEXT_LENGTH} characters. */
    TEXT(null, null) {
        @Override
        public String problemWith(Object value) {
            if (!(value instanceof String text)) {
                return "must be text";
            }
            return text.length() > MAX_TEXT_LENGTH ? "must be at most " + MAX_TEXT_LENGTH + " characters" : null;
        }

        @Override
        Answer keep(String questionId, Object value) {
            return new Answer(questionId, this, null, (String) value);
        }
    };

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

    /** Why {@code value} is not a valid answer to a question of this kind, or null if it is. Scales by default. */
    public String problemWith(Object value) {
        if (!(value instanceof Integer || value instanceof Long)) {
            return "must be a whole number from " + minScore + " to " + maxScore;
        }
        long score = ((Number) value).longValue();
        if (score < minScore || score > maxScore) {
            return "must be from " + minScore + " to " + maxScore + ", was " + score;
        }
        return null;
    }

    /** The answer kept for a valid {@code value} (check {@link #problemWith} first). */
    public Answer answer(String questionId, Object value) {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(questionId + " " + problem);
        }
        return keep(questionId, value);
    }

    Answer keep(String questionId, Object value) {
        return new Answer(questionId, this, ((Number) value).intValue(), null);
    }
}
