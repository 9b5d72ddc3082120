package io.hearken.insight.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long a follow-up case may stay unresolved, per priority: set per deployment ({@code
 * hearken.insight.cases.urgent-sla} and the others), not per tenant; the defaults are URGENT 4 h, HIGH 24 h, MEDIUM
 * 72 h, LOW 7 days. Every priority must have a positive time, and a higher priority must not have more time than a
 * lower one, or escalating a case would push its deadline out.
 */
public final class SlaPolicy {

    private static final SlaPolicy DEFAULTS = new SlaPolicy(Map.of(Priority.URGENT, Duration.ofHours(4),
            Priority.HIGH, Duration.ofHours(24), Priority.MEDIUM, Duration.ofHours(72), Priority.LOW,
            Duration.ofDays(7)));

    private final Map<Priority, Duration> timeToResolve;

    public SlaPolicy(Map<Priority, Duration> timeToResolve) {
        EnumMap<Priority, Duration> times = new EnumMap<>(Priority.class);
        Duration previous = null;
        for (Priority priority : Priority.values()) {
            Duration time = timeToResolve.get(priority);
            if (time == null || time.isZero() || time.isNegative()) {
                throw new DomainRuleException("timeToResolve", priority + " needs a positive time, was " + time);
            }
            if (previous != null && time.compareTo(previous) > 0) {
                throw new DomainRuleException("timeToResolve", priority + " allows more time (" + time
                        + ") than the priority below it (" + previous + ")");
            }
            times.put(priority, time);
            previous = time;
        }
        this.timeToResolve = times;
    }

    public static SlaPolicy defaults() {
        return DEFAULTS;
    }

    public Duration timeToResolve(Priority priority) {
        return timeToResolve.get(Objects.requireNonNull(priority, "priority"));
    }

    /** When a case of this priority opened (or escalated) at {@code from} is due. */
    public Instant deadline(Priority priority, Instant from) {
        return from.plus(timeToResolve(priority));
    }

    public Map<Priority, Duration> asMap() {
        return Map.copyOf(timeToResolve);
    }
}
