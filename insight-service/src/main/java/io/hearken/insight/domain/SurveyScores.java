package io.hearken.insight.domain;

import java.time.ZoneId;
import java.util.List;

/**
 * A survey's scores over {@code range} in {@code slice}, each question's compared with {@code previousRange} (the
 * same number of days just before).
 */
public record SurveyScores(String surveyId, Slice slice, ZoneId timeZone, DateRange range, DateRange previousRange,
                           List<QuestionResult> questions) {

    /** One question's scores now, and each score's change since the previous period. */
    public record QuestionResult(QuestionScores current, List<ScoreChange> changes) {

        public static QuestionResult compare(QuestionScores current, QuestionScores previous) {
            List<ScoreChange> changes = current.scores().entrySet().stream()
                    .map(score -> ScoreChange.between(score.getKey(), score.getValue(),
                            previous == null ? null : previous.scores().get(score.getKey())))
                    .toList();
            return new QuestionResult(current, changes);
        }
    }
}
