package io.hearken.chaos;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What an open-model run saw, per interval and in total: requests scheduled, answered with 2xx (and their latency,
 * from each request's intended send time, in an HdrHistogram of microseconds with three significant digits), and
 * errors by kind ({@code http-503}, {@code timeout}, {@code in-flight-cap}, ...). Counters are cumulative and an
 * interval is the difference between two readings, so nothing recorded while an interval closes is lost; latencies
 * go through a {@link Recorder}, which hands over its interval histogram without stopping the recording threads.
 */
final class LoadStats {

    /** Latencies above ten minutes are recorded as ten minutes: no request waits that long for an answer. */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final LongAdder scheduled = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    // Read and written under this object's lock by whoever closes intervals (one reporter thread)
    private Histogram intervalHistogram;
    private Histogram total = new Histogram(HIGHEST_MICROS, 3);
    private Counts atIntervalStart = Counts.ZERO;
    private Counts atTotalStart = Counts.ZERO;
    private long intervalStartNanos;
    private long totalStartNanos;

    LoadStats(long startNanos) {
        this.intervalStartNanos = startNanos;
        this.totalStartNanos = startNanos;
    }

    void scheduled() {
        scheduled.increment();
    }

    /** A 2xx answer, {@code latencyNanos} after the request's intended send time. */
    void answered(long latencyNanos) {
        recorder.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, latencyNanos / 1_000)));
        answered.increment();
    }

    void failed(String kind) {
        errors.computeIfAbsent(kind, key -> new LongAdder()).increment();
    }

    /** Closes the interval that began at the previous call (or the start) and returns what it saw. */
    synchronized Snapshot closeInterval(long nowNanos) {
        intervalHistogram = recorder.getIntervalHistogram(intervalHistogram);
        total.add(intervalHistogram);
        Counts now = counts();
        Snapshot snapshot = new Snapshot((nowNanos - intervalStartNanos) / 1e9, now.scheduled - atIntervalStart.scheduled,
                now.answered - atIntervalStart.answered, intervalHistogram.copy(), now.errorsSince(atIntervalStart));
        atIntervalStart = now;
        intervalStartNanos = nowNanos;
        return snapshot;
    }

    /** Everything since the start or the last {@link #restart}, up to the last closed interval. */
    synchronized Snapshot total() {
        return new Snapshot((intervalStartNanos - totalStartNanos) / 1e9, atIntervalStart.scheduled
                - atTotalStart.scheduled, atIntervalStart.answered - atTotalStart.answered, total.copy(),
                atIntervalStart.errorsSince(atTotalStart));
    }

    /** Forgets everything recorded so far (a warm-up) and starts the total and a new interval at {@code nowNanos}. */
    synchronized void restart(long nowNanos) {
        closeInterval(nowNanos);
        total = new Histogram(HIGHEST_MICROS, 3);
        atTotalStart = atIntervalStart;
        totalStartNanos = nowNanos;
    }

    private Counts counts() {
        Map<String, Long> byKind = new TreeMap<>();
        errors.forEach((kind, count) -> byKind.put(kind, count.sum()));
        return new Counts(scheduled.sum(), answered.sum(), byKind);
    }

    private record Counts(long scheduled, long answered, Map<String, Long> errors) {
        static final Counts ZERO = new Counts(0, 0, Map.of());

        Map<String, Long> errorsSince(Counts earlier) {
            Map<String, Long> since = new TreeMap<>();
            errors.forEach((kind, count) -> {
                long difference = count - earlier.errors.getOrDefault(kind, 0L);
                if (difference > 0) {
                    since.put(kind, difference);
                }
            });
            return since;
        }
    }

    /** One interval's or the whole run's figures; latencies in microseconds. */
    record Snapshot(double seconds, long scheduled, long answered, Histogram latencies, Map<String, Long> errors) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        /** 2xx answers a second. */
        double rate() {
            return seconds > 0 ? answered / seconds : 0;
        }

        /** The latency at {@code percentile} (0–100) in milliseconds; 0 without answers. */
        double millis(double percentile) {
            return latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return latencies.getTotalCount() == 0 ? 0 : latencies.getMaxValue() / 1000.0;
        }

        /** One line: rate, p50/p95/p99/max and errors by kind. */
        String line() {
            return String.format("%,9.0f req/s (%,d scheduled, %,d answered 2xx)  p50 %8.2f  p95 %8.2f  p99 %8.2f  "
                            + "max %8.2f ms  errors %,d%s", rate(), scheduled, answered, millis(50), millis(95),
                    millis(99), maxMillis(), errorCount(), errors.isEmpty() ? "" : " " + errors);
        }
    }
}
