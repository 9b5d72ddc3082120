package io.hearken.gateway.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker circuit = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    @Test
    void opensAfterTheThresholdOfFailuresInARowAndAnswersAtOnceWhileOpen() {
        circuit.recordFailure();
        circuit.recordFailure();
        assertTrue(circuit.allowsRequest());
        circuit.recordFailure();

        assertEquals(CircuitBreaker.State.OPEN, circuit.state());
        assertFalse(circuit.allowsRequest());
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertFalse(circuit.allowsRequest());
        assertEquals(6, circuit.secondsUntilProbe());
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        circuit.recordFailure();
        circuit.recordFailure();
        circuit.recordSuccess();
        circuit.recordFailure();
        circuit.recordFailure();

        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
    }

    @Test
    void afterTheOpenPeriodOneProbeGoesThroughAndItsOutcomeDecides() {
        open();
        now.addAndGet(Duration.ofSeconds(10).toNanos());

        assertTrue(circuit.allowsRequest(), "the probe");
        assertFalse(circuit.allowsRequest(), "only one probe at a time");
        circuit.recordFailure();
        assertEquals(CircuitBreaker.State.OPEN, circuit.state());
        assertFalse(circuit.allowsRequest());

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(circuit.allowsRequest());
        circuit.recordSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
        assertTrue(circuit.allowsRequest());
        assertTrue(circuit.allowsRequest());
    }

    private void open() {
        for (int i = 0; i < 3; i++) {
            circuit.recordFailure();
        }
    }
}
