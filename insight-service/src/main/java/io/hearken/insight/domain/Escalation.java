package io.hearken.insight.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One escalation of an overdue case: when, from which priority to which, the deadline that was missed and the new
 * one. The missed deadline identifies the overdue period, so each period escalates once.
 */
public record Escalation(Instant at, Priority from, Priority to, Instant missedDeadline, Instant newDeadline) {

    public Escalation {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(missedDeadline, "missedDeadline");
        Objects.requireNonNull(newDeadline, "newDeadline");
    }
}
