package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettledBucketsTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    private static DateRange.BucketSpan days(String first, String last) {
        return new DateRange.BucketSpan(Grain.DAY, LocalDate.parse(first), LocalDate.parse(last));
    }

    private static DateRange.BucketSpan months(String first, String last) {
        return new DateRange.BucketSpan(Grain.MONTH, LocalDate.parse(first), LocalDate.parse(last));
    }

    @Test
    void aYearEndingTodayKeepsAllButItsLastFourDays() {
        DateRange year = new DateRange(LocalDate.parse("2025-11-28"), TODAY);
        SettledBuckets.Split split = SettledBuckets.split(year.buckets(), TODAY);
        assertEquals(List.of(days("2025-11-28", "2025-11-30"), months("2025-12-01", "2026-10-01"),
                days("2026-11-01", "2026-11-23")), split.settled());
        assertEquals(List.of(days("2026-11-24", "2026-11-27")), split.open());
    }

    @Test
    void aMonthIsKeptOnlyOnceItsLastDayIsSettled() {
        List<DateRange.BucketSpan> spans = List.of(months("2026-09-01", "2026-11-01"));
        // 2026-10-31 is settled from 2026-11-04 on (4 days' margin), not a day before.
        assertEquals(List.of(months("2026-09-01", "2026-09-01")),
                SettledBuckets.split(spans, LocalDate.parse("2026-11-03")).settled());
        assertEquals(List.of(months("2026-10-01", "2026-11-01")),
                SettledBuckets.split(spans, LocalDate.parse("2026-11-03")).open());
        assertEquals(List.of(months("2026-09-01", "2026-10-01")),
                SettledBuckets.split(spans, LocalDate.parse("2026-11-04")).settled());
        assertEquals(List.of(months("2026-11-01", "2026-11-01")),
                SettledBuckets.split(spans, LocalDate.parse("2026-11-04")).open());
    }

    @Test
    void recentRangesAreReadWholeAndOldOnesKeptWhole() {
        SettledBuckets.Split recent = SettledBuckets.split(List.of(days("2026-11-25", "2026-11-27")), TODAY);
        assertEquals(List.of(), recent.settled());
        assertEquals(List.of(days("2026-11-25", "2026-11-27")), recent.open());
        SettledBuckets.Split old = SettledBuckets.split(List.of(days("2026-10-02", "2026-10-09")), TODAY);
        assertEquals(List.of(days("2026-10-02", "2026-10-09")), old.settled());
        assertEquals(List.of(), old.open());
    }

    @Test
    void theOrdinaryFlowOfAnyTimeZoneNeverChangesTheRevision() {
        // A tenant's local today is UTC's today, yesterday or tomorrow; so is the day a response is counted in.
        for (int offset = -1; offset <= 1; offset++) {
            LocalDate localToday = TODAY.plusDays(offset);
            assertFalse(SettledBuckets.writeUnsettles(Grain.DAY, localToday, TODAY));
            assertFalse(SettledBuckets.writeUnsettles(Grain.MONTH, localToday.withDayOfMonth(1), TODAY));
        }
        assertTrue(SettledBuckets.writeUnsettles(Grain.DAY, TODAY.minusDays(2), TODAY));
    }

    @Test
    void everyBucketAReaderKeepsIsOneALaterWriteMarks() {
        // A writer's clock may be up to a day behind the reader's, or any time after it.
        for (int daysAgo = 0; daysAgo < 120; daysAgo++) {
            LocalDate bucket = TODAY.minusDays(daysAgo);
            for (Grain grain : Grain.values()) {
                LocalDate start = grain.bucketOf(bucket);
                boolean kept = !SettledBuckets.split(List.of(new DateRange.BucketSpan(grain, start, start)), TODAY)
                        .settled().isEmpty();
                for (int writerLag = -1; kept && writerLag <= 30; writerLag++) {
                    assertTrue(SettledBuckets.writeUnsettles(grain, start, TODAY.plusDays(writerLag)),
                            grain + " " + start + " kept on " + TODAY + ", written on " + TODAY.plusDays(writerLag));
                }
            }
        }
    }
}
