package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScorePeriodTest {

    private static final LocalDate THURSDAY = LocalDate.parse("2026-11-26");

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void theLastWholePeriodEndsBeforeToday() {
        assertEquals(range("2026-11-25", "2026-11-25"), ScorePeriod.DAY.lastCompleted(THURSDAY));
        assertEquals(range("2026-11-16", "2026-11-22"), ScorePeriod.WEEK.lastCompleted(THURSDAY));
        assertEquals(range("2026-11-16", "2026-11-22"), ScorePeriod.WEEK.lastCompleted(LocalDate.parse("2026-11-23")));
        assertEquals(range("2026-10-01", "2026-10-31"), ScorePeriod.MONTH.lastCompleted(THURSDAY));
    }

    @Test
    void thePeriodBeforeHasItsOwnLength() {
        assertEquals(range("2026-11-09", "2026-11-15"), ScorePeriod.WEEK.before(range("2026-11-16", "2026-11-22")));
        assertEquals(range("2026-02-01", "2026-02-28"), ScorePeriod.MONTH.before(range("2026-03-01", "2026-03-31")));
        assertEquals(range("2026-11-24", "2026-11-24"), ScorePeriod.DAY.before(range("2026-11-25", "2026-11-25")));
    }
}
