package io.hearken.insight.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The length of the two consecutive periods a score-drop rule compares (this week against last week, …). */
public enum ScorePeriod {
    DAY, WEEK, MONTH;

    /**
     * The last period of this length that is over on {@code today} (yesterday; last Monday to Sunday; last calendar
     * month): a drop is judged on whole periods, once each.
     */
    public DateRange lastCompleted(LocalDate today) {
        return switch (this) {
            case DAY -> new DateRange(today.minusDays(1), today.minusDays(1));
            case WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                yield new DateRange(monday, monday.plusDays(6));
            }
            case MONTH -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield new DateRange(first, first.with(TemporalAdjusters.lastDayOfMonth()));
            }
        };
    }

    /** The period of this length just before {@code period}. */
    public DateRange before(DateRange period) {
        return switch (this) {
            case DAY, WEEK -> period.previous();
            case MONTH -> {
                LocalDate first = period.from().minusMonths(1);
                yield new DateRange(first, first.with(TemporalAdjusters.lastDayOfMonth()));
            }
        };
    }
}
