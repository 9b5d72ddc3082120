package io.hearken.insight.domain;

import java.time.ZoneId;
import java.util.List;

/**
 * A survey's scores over {@code range} split by the values of one dimension (every channel, touchpoint... that
 * answers came from) or by profile-service's segments: what a dashboard's breakdown shows, read in one query rather
 * than one per value, so that it also names the values that occurred.
 *
 * @param by     the dimension's parameter name ({@link Dimension#parameterName()}), or {@code segment}
 * @param groups one per value that has answers, in the order of the values; {@link Slice#NONE} for answers that did
 *               not carry one (no touchpoint, say)
 */
public record ScoreBreakdown(String surveyId, String by, ZoneId timeZone, DateRange range, List<Group> groups) {

    /** The questions' scores of the answers with one value of the dimension. */
    public record Group(String value, List<QuestionScores> questions) {
    }
}
