package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DateRangeTest {

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static DateRange.BucketSpan span(Grain grain, String first, String last) {
        return new DateRange.BucketSpan(grain, LocalDate.parse(first), LocalDate.parse(last));
    }

    @Test
    void readsWholeMonthsAsMonthsAndTheEdgesAsDays() {
        assertEquals(List.of(span(Grain.DAY, "2026-01-15", "2026-01-31"),
                        span(Grain.MONTH, "2026-02-01", "2026-10-01"), span(Grain.DAY, "2026-11-01", "2026-11-26")),
                range("2026-01-15", "2026-11-26").buckets());
    }

    @Test
    void aRangeOfWholeMonthsIsReadAsMonthsOnly() {
        assertEquals(List.of(span(Grain.MONTH, "2026-01-01", "2026-03-01")),
                range("2026-01-01", "2026-03-31").buckets());
    }

    @Test
    void aRangeInsideAMonthIsReadAsDays() {
        assertEquals(List.of(span(Grain.DAY, "2026-02-03", "2026-02-20")), range("2026-02-03", "2026-02-20").buckets());
        assertEquals(List.of(span(Grain.DAY, "2026-02-01", "2026-02-20")), range("2026-02-01", "2026-02-20").buckets());
        assertEquals(List.of(span(Grain.DAY, "2026-01-20", "2026-02-20")), range("2026-01-20", "2026-02-20").buckets());
    }

    @Test
    void thePreviousPeriodHasTheSameLengthAndEndsTheDayBefore() {
        assertEquals(range("2026-10-02", "2026-10-31"), range("2026-11-01", "2026-11-30").previous());
        assertEquals(range("2026-11-25", "2026-11-25"), range("2026-11-26", "2026-11-26").previous());
    }

    @Test
    void refusesARangeThatEndsBeforeItStartsOrIsTooLong() {
        assertEquals("from", assertThrows(InvalidQueryException.class, () -> range("2026-11-26", "2026-11-25"))
                .field());
        assertEquals("from", assertThrows(InvalidQueryException.class, () -> range("2010-01-01", "2026-11-25"))
                .field());
    }

    @Test
    void weeksRunMondayToSundayAndAreCutToTheRange() {
        List<DateRange> weeks = Granularity.WEEK.periods(range("2026-11-04", "2026-11-26"));
        assertEquals(List.of(range("2026-11-04", "2026-11-08"), range("2026-11-09", "2026-11-15"),
                range("2026-11-16", "2026-11-22"), range("2026-11-23", "2026-11-26")), weeks);
        assertEquals(List.of(range("2026-01-15", "2026-01-31"), range("2026-02-01", "2026-02-28")),
                Granularity.MONTH.periods(range("2026-01-15", "2026-02-28")));
    }

    @Test
    void refusesAGranularityTooFineForTheRange() {
        assertEquals(366, Granularity.DAY.periods(range("2024-01-01", "2024-12-31")).size());
        InvalidQueryException refused = assertThrows(InvalidQueryException.class,
                () -> Granularity.DAY.periods(range("2023-01-01", "2024-12-31")));
        assertEquals("granularity", refused.field());
        assertEquals(106, Granularity.WEEK.periods(range("2023-01-01", "2024-12-31")).size());
    }

    @Test
    void aDayBelongsToTheLastPeriodStartingOnOrBeforeIt() {
        List<DateRange> weeks = Granularity.WEEK.periods(range("2026-11-04", "2026-11-26"));
        assertEquals(0, Granularity.indexOfPeriodHolding(weeks, LocalDate.parse("2026-11-02")));
        assertEquals(1, Granularity.indexOfPeriodHolding(weeks, LocalDate.parse("2026-11-09")));
        assertEquals(3, Granularity.indexOfPeriodHolding(weeks, LocalDate.parse("2026-11-26")));
        assertEquals(List.of(span(Grain.DAY, "2026-11-04", "2026-11-26")),
                Granularity.WEEK.buckets(range("2026-11-04", "2026-11-26")));
    }
}
