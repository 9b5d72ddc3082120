package io.hearken.insight.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rollup buckets are settled: they ended long enough ago that only a late event (a kiosk's offline backlog, an
 * import of old reviews, a rebuild) still adds to them. What a survey's settled buckets sum to may be kept by a reader
 * for as long as the survey's settled revision stays the same, and every write into a bucket a reader may keep
 * changes that revision in the write's own transaction (repository.RollupRepository): a query then reads from the
 * database only the last few days, whatever the range.
 *
 * <p>Both sides decide by the UTC date rather than the tenant's, with margins that cover every time zone (a local
 * date is at most a day from UTC's) and two instances' clocks up to a day apart: a reader keeps buckets that ended
 * {@value #READ_MARGIN_DAYS} or more days before its UTC date; a write changes the revision when its bucket ended
 * {@value #WRITE_MARGIN_DAYS} or more days before its own. Any bucket a reader keeps is therefore one a later write
 * to it marks ({@code lastDay <= readToday - 4 <= writeToday - 3}), and a bucket of a tenant's local today or
 * yesterday never is, so the ordinary flow of responses leaves the revision alone.
 */
public final class SettledBuckets {

    static final int READ_MARGIN_DAYS = 4;
    static final int WRITE_MARGIN_DAYS = 2;

    private SettledBuckets() {
    }

    /** Whether a write adding to {@code bucket} must change its survey's settled revision. */
    public static boolean writeUnsettles(Grain grain, LocalDate bucket, LocalDate utcToday) {
        return !lastDay(grain, bucket).isAfter(utcToday.minusDays(WRITE_MARGIN_DAYS));
    }

    /** {@code spans} cut into the buckets a reader on {@code utcToday} may keep and those it reads every time. */
    public static Split split(List<DateRange.BucketSpan> spans, LocalDate utcToday) {
        LocalDate keptThrough = utcToday.minusDays(READ_MARGIN_DAYS);
        List<DateRange.BucketSpan> settled = new ArrayList<>();
        List<DateRange.BucketSpan> open = new ArrayList<>();
        for (DateRange.BucketSpan span : spans) {
            // The latest bucket of the span's grain that ended on or before keptThrough: for months, the month before
            // the day after keptThrough's.
            LocalDate lastSettled = span.grain() == Grain.DAY ? keptThrough
                    : keptThrough.plusDays(1).withDayOfMonth(1).minusMonths(1);
            if (lastSettled.isBefore(span.first())) {
                open.add(span);
            } else if (!lastSettled.isBefore(span.last())) {
                settled.add(span);
            } else {
                settled.add(new DateRange.BucketSpan(span.grain(), span.first(), lastSettled));
                open.add(new DateRange.BucketSpan(span.grain(), next(span.grain(), lastSettled), span.last()));
            }
        }
        return new Split(List.copyOf(settled), List.copyOf(open));
    }

    /** The last day a bucket counts. */
    static LocalDate lastDay(Grain grain, LocalDate bucket) {
        return grain == Grain.DAY ? bucket : bucket.plusMonths(1).minusDays(1);
    }

    private static LocalDate next(Grain grain, LocalDate bucket) {
        return grain == Grain.DAY ? bucket.plusDays(1) : bucket.plusMonths(1);
    }

    /** A range's buckets: those a reader may keep ({@code settled}) and those it reads every time. */
    public record Split(List<DateRange.BucketSpan> settled, List<DateRange.BucketSpan> open) {
    }
}
