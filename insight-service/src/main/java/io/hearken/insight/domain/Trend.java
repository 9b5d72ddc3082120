package io.hearken.insight.domain;

import java.time.ZoneId;
import java.util.List;

/**
 * A question's scores period by period. One series per way the question was counted: a question whose type or scale
 * changed between survey versions has one series for each, since their scores do not add up.
 */
public record Trend(String surveyId, String questionId, Slice slice, ZoneId timeZone, Granularity granularity,
                    DateRange range, List<Series> series) {

    public record Series(Question question, List<Point> points) {
    }

    /** The scores of one period; a period without answers has a count of 0 and no values. */
    public record Point(DateRange period, QuestionScores scores) {
    }
}
