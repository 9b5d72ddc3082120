package io.hearken.insight.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a score covers, both included, in the tenant's time zone. Ranges are limited to {@link #MAX_DAYS}: longer
 * questions are not what a CX team asks, and the limit keeps every query's cost bounded.
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** Ten years. */
    public static final long MAX_DAYS = 3653;

    public DateRange {
        if (from.isAfter(to)) {
            throw new InvalidQueryException("from", "from " + from + " is after to " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidQueryException("from", "a range is at most " + MAX_DAYS + " days (ten years), "
                    + from + " to " + to + " is longer");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The range of the same length that ends the day before this one starts: what a change is measured against. */
    public DateRange previous() {
        return new DateRange(from.minusDays(days()), from.minusDays(1));
    }

    /**
     * The rollup buckets that cover exactly this range: its whole months as months, the days before the first whole
     * month and after the last one as days.
     */
    public List<BucketSpan> buckets() {
        List<BucketSpan> spans = new ArrayList<>();
        LocalDate firstWholeMonth = from.getDayOfMonth() == 1 ? from : from.plusMonths(1).withDayOfMonth(1);
        LocalDate afterLastWholeMonth = to.plusDays(1).withDayOfMonth(1);
        if (to.plusDays(1).getDayOfMonth() == 1) {
            afterLastWholeMonth = to.plusDays(1);
        }
        if (!firstWholeMonth.isBefore(afterLastWholeMonth)) {
            spans.add(new BucketSpan(Grain.DAY, from, to));
            return spans;
        }
        if (from.isBefore(firstWholeMonth)) {
            spans.add(new BucketSpan(Grain.DAY, from, firstWholeMonth.minusDays(1)));
        }
        spans.add(new BucketSpan(Grain.MONTH, firstWholeMonth, afterLastWholeMonth.minusMonths(1)));
        if (!afterLastWholeMonth.isAfter(to)) {
            spans.add(new BucketSpan(Grain.DAY, afterLastWholeMonth, to));
        }
        return spans;
    }

    /** Buckets of one grain whose first days run from {@code first} to {@code last}, both included. */
    public record BucketSpan(Grain grain, LocalDate first, LocalDate last) {
    }
}
