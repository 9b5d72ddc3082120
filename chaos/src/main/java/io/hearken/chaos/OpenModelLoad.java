package io.hearken.chaos;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * An open-model load generator: requests leave on a fixed {@link ArrivalSchedule}, however slowly answers come
 * back, and each latency is measured from the request's <em>intended</em> send time, so a stall of the system (or
 * of the generator itself) shows in the percentiles instead of being hidden by fewer requests (no coordinated
 * omission; what wrk2 does). At most {@code maxInFlight} requests are outstanding: a request due while that many
 * are is not sent and counts as an {@code in-flight-cap} error, never as a slower schedule.
 *
 * <p>One thread drives the schedule ({@link #runUntil}); answers complete on the sender's threads. The clock is
 * injected so that the scheduling can be tested without waiting.
 */
final class OpenModelLoad {

    /** Sends request {@code sequence} and completes with its HTTP status, or exceptionally when it failed. */
    interface Sender {
        CompletableFuture<Integer> send(long sequence);
    }

    /** A send more than this after its intended time means the generator itself fell behind. */
    static final long LATE_NANOS = 10_000_000L;

    private final ArrivalSchedule schedule;
    private final int maxInFlight;
    private final Sender sender;
    private final LongSupplier clock;
    private final LoadStats stats;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong lateSends = new AtomicLong();
    private long next;

    OpenModelLoad(ArrivalSchedule schedule, int maxInFlight, Sender sender, LongSupplier clock, LoadStats stats) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one request must be allowed in flight");
        }
        this.schedule = schedule;
        this.maxInFlight = maxInFlight;
        this.sender = sender;
        this.clock = clock;
        this.stats = stats;
    }

    /** Sends (or counts as missed) every request due by now and meant to leave before {@code endNanos}. */
    int sendDue(long endNanos) {
        long due = Math.min(schedule.dueBy(clock.getAsLong()), schedule.dueBy(endNanos - 1));
        int handled = 0;
        while (next < due) {
            long intended = schedule.intendedNanos(next);
            long sequence = next++;
            handled++;
            stats.scheduled();
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                stats.failed("in-flight-cap");
                continue;
            }
            if (clock.getAsLong() - intended > LATE_NANOS) {
                lateSends.incrementAndGet();
            }
            CompletableFuture<Integer> answer;
            try {
                answer = sender.send(sequence);
            } catch (RuntimeException failure) {
                answer = CompletableFuture.failedFuture(failure);
            }
            answer.whenComplete((status, failure) -> {
                long latency = clock.getAsLong() - intended;
                inFlight.decrementAndGet();
                if (failure != null) {
                    stats.failed(failureKind(failure));
                } else if (status / 100 == 2) {
                    stats.answered(latency);
                } else {
                    stats.failed("http-" + status);
                }
            });
        }
        return handled;
    }

    /** Drives the schedule on the calling thread until {@code endNanos}: every request meant to leave before it. */
    void runUntil(long endNanos) {
        while (true) {
            sendDue(endNanos);
            long wake = schedule.intendedNanos(next);
            if (wake >= endNanos) {
                return;
            }
            long wait = wake - clock.getAsLong();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /** Waits up to {@code timeoutNanos} for the outstanding requests; true when none is left. */
    boolean awaitAnswers(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        return inFlight.get() == 0;
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Requests sent more than {@link #LATE_NANOS} after their intended time (their latency still counts from it). */
    long lateSends() {
        return lateSends.get();
    }

    /** Requests scheduled so far (sent or missed). */
    long scheduled() {
        return next;
    }

    static String failureKind(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (cause instanceof ConnectException) {
            return "connection-refused";
        }
        if (cause instanceof IOException) {
            return "io-error";
        }
        return "failed:" + cause.getClass().getSimpleName();
    }
}
