package io.hearken.chaos;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoadStatsTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    @Test
    void percentilesAreThoseOfTheRecordedLatenciesWithinTheHistogramsPrecision() {
        LoadStats stats = new LoadStats(0);
        for (int i = 1; i <= 10_000; i++) {
            stats.scheduled();
            stats.answered(i * MS / 10); // 0.1 ms to 1000 ms, evenly
        }
        LoadStats.Snapshot snapshot = stats.closeInterval(5 * SECOND);
        // three significant digits: within 0.1 % of the exact value
        assertEquals(500.0, snapshot.millis(50), 0.5);
        assertEquals(950.0, snapshot.millis(95), 1.0);
        assertEquals(990.0, snapshot.millis(99), 1.0);
        assertEquals(1000.0, snapshot.maxMillis(), 1.0);
        assertEquals(2000.0, snapshot.rate(), 0.001, "10,000 answers in 5 s");
    }

    @Test
    void eachIntervalHasItsOwnFiguresAndTheTotalHasThemAll() {
        LoadStats stats = new LoadStats(0);
        record(stats, 100, 2 * MS);
        failed(stats, "http-503");
        LoadStats.Snapshot first = stats.closeInterval(5 * SECOND);
        record(stats, 300, 40 * MS);
        failed(stats, "timeout");
        failed(stats, "http-503");
        LoadStats.Snapshot second = stats.closeInterval(10 * SECOND);

        assertEquals(101, first.scheduled());
        assertEquals(100, first.answered());
        assertEquals(2.0, first.maxMillis(), 0.01);
        assertEquals(Map.of("http-503", 1L), first.errors());
        assertEquals(300, second.answered());
        assertEquals(40.0, second.millis(50), 0.05);
        assertEquals(Map.of("http-503", 1L, "timeout", 1L), second.errors());
        assertEquals(60.0, second.rate(), 0.001);

        LoadStats.Snapshot total = stats.total();
        assertEquals(10.0, total.seconds(), 0.001);
        assertEquals(400, total.answered());
        assertEquals(403, total.scheduled());
        assertEquals(Map.of("http-503", 2L, "timeout", 1L), total.errors());
        assertEquals(40.0, total.millis(50), 0.05, "three quarters of the answers took 40 ms");
        assertEquals(2.0, total.millis(25), 0.01);
    }

    @Test
    void aRestartForgetsTheWarmUp() {
        LoadStats stats = new LoadStats(0);
        record(stats, 50, 900 * MS);
        failed(stats, "connection-refused");
        stats.restart(30 * SECOND);
        record(stats, 10, 3 * MS);
        stats.closeInterval(35 * SECOND);
        LoadStats.Snapshot total = stats.total();
        assertEquals(5.0, total.seconds(), 0.001);
        assertEquals(10, total.answered());
        assertEquals(3.0, total.maxMillis(), 0.01);
        assertEquals(Map.of(), total.errors());
    }

    @Test
    void anAbsurdLatencyIsKeptAtTheHistogramsTopInsteadOfFailing() {
        LoadStats stats = new LoadStats(0);
        stats.answered(Long.MAX_VALUE);
        stats.answered(-5);
        LoadStats.Snapshot snapshot = stats.closeInterval(SECOND);
        assertEquals(2, snapshot.answered());
        assertEquals(LoadStats.HIGHEST_MICROS / 1000.0, snapshot.maxMillis(), LoadStats.HIGHEST_MICROS / 1e6);
    }

    private static void failed(LoadStats stats, String kind) {
        stats.scheduled();
        stats.failed(kind);
    }

    private static void record(LoadStats stats, int answers, long latencyNanos) {
        for (int i = 0; i < answers; i++) {
            stats.scheduled();
            stats.answered(latencyNanos);
        }
    }
}
