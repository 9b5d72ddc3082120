package io.hearken.insight.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The periods of a trend: days, ISO weeks (Monday to Sunday) or calendar months, in the tenant's time zone. A trend
 * has at most {@link #MAX_POINTS} periods, so a granularity finer than its range allows (days over three years) is
 * refused rather than answered slowly with a chart nobody can read.
 */
public enum Granularity {
    DAY, WEEK, MONTH;

    public static final int MAX_POINTS = 400;

    public static Optional<Granularity> fromParameter(String value) {
        return Arrays.stream(values()).filter(granularity -> granularity.parameterName().equals(value)).findFirst();
    }

    public String parameterName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The periods that tile {@code range}, the first and last cut to it. */
    public List<DateRange> periods(DateRange range) {
        List<DateRange> periods = new ArrayList<>();
        LocalDate start = range.from();
        while (!start.isAfter(range.to())) {
            LocalDate end = endOfPeriod(start);
            if (end.isAfter(range.to())) {
                end = range.to();
            }
            periods.add(new DateRange(start, end));
            if (periods.size() > MAX_POINTS) {
                throw new InvalidQueryException("granularity", "a trend has at most " + MAX_POINTS + " points; "
                        + parameterName() + " over " + range.from() + " to " + range.to() + " has more: choose a "
                        + "coarser granularity or a shorter range");
            }
            start = end.plusDays(1);
        }
        return periods;
    }

    /**
     * The rollup buckets a trend of this granularity reads over {@code range}: month buckets fit only month periods,
     * days fit every period.
     */
    public List<DateRange.BucketSpan> buckets(DateRange range) {
        return this == MONTH ? range.buckets()
                : List.of(new DateRange.BucketSpan(Grain.DAY, range.from(), range.to()));
    }

    /** The period holding {@code day}: the last one starting on or before it ({@code periods} in order). */
    public static int indexOfPeriodHolding(List<DateRange> periods, LocalDate day) {
        int low = 0;
        int high = periods.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (periods.get(middle).from().isAfter(day)) {
                high = middle - 1;
            } else {
                low = middle;
            }
        }
        return low;
    }

    private LocalDate endOfPeriod(LocalDate start) {
        return switch (this) {
            case DAY -> start;
            case WEEK -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
        };
    }
}
