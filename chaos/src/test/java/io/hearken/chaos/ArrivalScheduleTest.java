package io.hearken.chaos;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArrivalScheduleTest {

    @Test
    void eachRequestIsDueAtItsOwnTurnFromTheStart() {
        ArrivalSchedule schedule = new ArrivalSchedule(1_000, 4);
        assertEquals(1_000, schedule.intendedNanos(0));
        assertEquals(1_000 + 250_000_000L, schedule.intendedNanos(1));
        assertEquals(1_000 + 1_000_000_000L, schedule.intendedNanos(4));
    }

    @Test
    void dueByCountsEveryRequestWhoseTurnHasComeAndNoMore() {
        ArrivalSchedule schedule = new ArrivalSchedule(0, 1000);
        assertEquals(0, schedule.dueBy(-1), "nothing before the start");
        assertEquals(1, schedule.dueBy(0), "the first leaves at the start");
        assertEquals(1, schedule.dueBy(999_999));
        assertEquals(2, schedule.dueBy(1_000_000));
        assertEquals(1001, schedule.dueBy(1_000_000_000L), "a second at 1000/s: requests 0 to 1000");
    }

    @Test
    void aLongRunDoesNotDriftFromItsRateEvenWhenThePeriodIsNotAWholeNumberOfNanoseconds() {
        ArrivalSchedule schedule = new ArrivalSchedule(0, 3);
        // 3/s: a period of 333,333,333.3 ns; added up as whole periods, a day would drift by 86 µs
        assertEquals(86_400_000_000_000L, schedule.intendedNanos(3L * 86_400));
        assertEquals(3L * 86_400 + 1, schedule.dueBy(86_400_000_000_000L));
    }

    @Test
    void dueByAgreesWithTheIntendedTimesAtEveryBoundary() {
        ArrivalSchedule schedule = new ArrivalSchedule(17, 7_777.7);
        for (long i = 1; i < 100_000; i += 997) {
            long turn = schedule.intendedNanos(i);
            assertEquals(i + 1, schedule.dueBy(turn), "at request " + i + "'s turn");
            assertEquals(i, schedule.dueBy(turn - 1), "just before request " + i + "'s turn");
        }
    }

    @Test
    void refusesARateThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new ArrivalSchedule(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ArrivalSchedule(0, -5));
        assertThrows(IllegalArgumentException.class, () -> new ArrivalSchedule(0, Double.NaN));
        assertEquals(2_000_000_000L, new ArrivalSchedule(0, 0.5).intendedNanos(1), "half a request a second");
    }
}
