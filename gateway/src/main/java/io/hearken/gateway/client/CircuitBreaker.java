package io.hearken.gateway.client;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One service's circuit: after {@code failureThreshold} failures in a row the gateway stops sending to it for
 * {@code openFor}, answering 503 at once instead of making every client wait for a connect or a deadline; then one
 * request is let through as a probe, and its outcome closes the circuit or opens it again. Only failures of the hop
 * count (not reached, timed out, cut off): a service that answers, even with an error, is up.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int failuresInARow;
    private long openedAt;
    private boolean probeInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether a request may be sent now; in the half-open state only the one probe may. */
    public synchronized boolean allowsRequest() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openForNanos) {
            state = State.HALF_OPEN;
            probeInFlight = false;
        }
        if (state == State.HALF_OPEN) {
            if (probeInFlight) {
                return false;
            }
            probeInFlight = true;
            return true;
        }
        return state == State.CLOSED;
    }

    public synchronized void recordSuccess() {
        state = State.CLOSED;
        failuresInARow = 0;
        probeInFlight = false;
    }

    public synchronized void recordFailure() {
        failuresInARow++;
        if (state == State.HALF_OPEN || failuresInARow >= failureThreshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
            probeInFlight = false;
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds until an open circuit lets a probe through (at least 1). */
    public synchronized long secondsUntilProbe() {
        long remaining = openForNanos - (nanoClock.getAsLong() - openedAt);
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }
}
