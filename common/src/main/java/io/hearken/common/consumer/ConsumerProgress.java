package io.hearken.common.consumer;

import java.time.Duration;

/**
 * Whether a consumer moves: it is stalled when it has records to apply (lag, or a failed attempt) but applied none
 * for longer than the stall timeout. Written by the consumer's thread, read by readiness and metrics.
 */
final class ConsumerProgress {

    private final String consumer;
    private final long stallTimeoutNanos;
    private long lastProgressNanos = System.nanoTime();
    private boolean behind;
    private boolean stopped;
    private String lastFailure;
    private long applied;

    ConsumerProgress(String consumer, Duration stallTimeout) {
        this.consumer = consumer;
        this.stallTimeoutNanos = stallTimeout.toNanos();
    }

    /**
     * A poll brought nothing. Caught up (every partition known to have nothing left) is progress, and clears an
     * earlier failure whose records are gone (reassigned to another instance, or committed after all).
     */
    synchronized void idle(boolean caughtUp) {
        if (caughtUp) {
            lastProgressNanos = System.nanoTime();
            lastFailure = null;
        }
        behind = !caughtUp;
    }

    synchronized void received() {
        behind = true;
    }

    synchronized void advanced(int records, boolean caughtUp) {
        applied += records;
        lastProgressNanos = System.nanoTime();
        lastFailure = null;
        behind = !caughtUp;
    }

    synchronized void failed(Throwable failure) {
        behind = true;
        lastFailure = failure.toString();
    }

    synchronized void stopped() {
        stopped = true;
    }

    synchronized ConsumerStatus status() {
        long sinceProgress = System.nanoTime() - lastProgressNanos;
        boolean stalled = stopped || (behind && sinceProgress > stallTimeoutNanos);
        String reason;
        if (stopped) {
            reason = "stopped";
        } else if (stalled) {
            reason = "no progress for " + Duration.ofNanos(sinceProgress).toSeconds() + " s with records waiting"
                    + (lastFailure == null ? "" : "; last failure: " + lastFailure);
        } else {
            reason = lastFailure == null ? "moving" : "retrying: " + lastFailure;
        }
        return new ConsumerStatus(consumer, !stopped, !stopped && !behind, stalled, reason, applied);
    }
}
