package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Deadlines per priority, the defaults and a tenant's own. */
class SlaPolicyTest {

    private static final Instant OPENED = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void defaultDeadlinesPerPriority() {
        SlaPolicy sla = SlaPolicy.defaults();

        assertEquals(Instant.parse("2026-11-20T14:00:00Z"), sla.deadline(Priority.URGENT, OPENED));
        assertEquals(Instant.parse("2026-11-21T10:00:00Z"), sla.deadline(Priority.HIGH, OPENED));
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), sla.deadline(Priority.MEDIUM, OPENED));
        assertEquals(Instant.parse("2026-11-27T10:00:00Z"), sla.deadline(Priority.LOW, OPENED));
    }

    @Test
    void aTenantsOwnTimes() {
        SlaPolicy sla = new SlaPolicy(Map.of(Priority.URGENT, Duration.ofHours(1), Priority.HIGH, Duration.ofHours(8),
                Priority.MEDIUM, Duration.ofDays(2), Priority.LOW, Duration.ofDays(14)));

        assertEquals(Duration.ofHours(1), sla.timeToResolve(Priority.URGENT));
        assertEquals(Instant.parse("2026-12-04T10:00:00Z"), sla.deadline(Priority.LOW, OPENED));
    }

    @Test
    void everyPriorityNeedsAPositiveTimeNoLongerThanTheOneBelow() {
        Map<Priority, Duration> missing = new EnumMap<>(SlaPolicy.defaults().asMap());
        missing.remove(Priority.MEDIUM);
        Map<Priority, Duration> zero = new EnumMap<>(SlaPolicy.defaults().asMap());
        zero.put(Priority.URGENT, Duration.ZERO);
        Map<Priority, Duration> inverted = new EnumMap<>(SlaPolicy.defaults().asMap());
        inverted.put(Priority.URGENT, Duration.ofDays(30));

        assertEquals("timeToResolve", assertThrows(DomainRuleException.class, () -> new SlaPolicy(missing)).field());
        assertEquals("timeToResolve", assertThrows(DomainRuleException.class, () -> new SlaPolicy(zero)).field());
        assertEquals("timeToResolve", assertThrows(DomainRuleException.class, () -> new SlaPolicy(inverted)).field());
    }

    @Test
    void priorityEscalatesOneLevelUpToUrgent() {
        assertEquals(Priority.MEDIUM, Priority.LOW.oneUp());
        assertEquals(Priority.HIGH, Priority.MEDIUM.oneUp());
        assertEquals(Priority.URGENT, Priority.HIGH.oneUp());
        assertEquals(Priority.URGENT, Priority.URGENT.oneUp());
    }
}
