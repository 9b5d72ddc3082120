package io.hearken.chaos;

/**
 * When each request of an open-model run is meant to leave: request {@code i} at {@code start + i / rate}, whatever
 * came back before it. Each time is computed from the request's index, never by adding up periods, so a run of
 * millions of requests does not drift from its rate, and a generator that fell behind knows how far.
 */
record ArrivalSchedule(long startNanos, double ratePerSecond) {

    ArrivalSchedule {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number of requests a second");
        }
    }

    /** The moment request {@code sequence} (from 0) is meant to be sent, on the {@link System#nanoTime} scale. */
    long intendedNanos(long sequence) {
        return startNanos + (long) Math.floor(sequence * 1e9 / ratePerSecond);
    }

    /** How many requests are due by {@code nowNanos}: every request whose intended time is not after it. */
    long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long due = (long) Math.floor((nowNanos - startNanos) * ratePerSecond / 1e9) + 1;
        // Two floating-point roundings may disagree by one: settle on the intended times themselves.
        while (due > 0 && intendedNanos(due - 1) > nowNanos) {
            due--;
        }
        while (intendedNanos(due) <= nowNanos) {
            due++;
        }
        return due;
    }
}
