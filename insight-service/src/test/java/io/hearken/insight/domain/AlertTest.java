package io.hearken.insight.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** An alert's id follows from its rule and source event, so a redelivery raises the same alert and case. */
class AlertTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:15:00Z");
    private static final AlertRule DETRACTORS = new AlertRule("rule-1", "acme", "Detractors", AlertRuleType.DETRACTOR,
            null, null, Priority.HIGH, true);

    private static AlertTrigger trigger(String eventId) {
        ResponseSignals response = new ResponseSignals("acme", eventId, "response-1", "survey-1", "profile-1",
                "customer-1", "email", AT, 3, List.of(), null, List.of());
        return DETRACTORS.evaluate(response).orElseThrow();
    }

    @Test
    void aRedeliveredEventRaisesTheSameAlertAndCase() {
        Alert first = Alert.raise(trigger("event-1"), AT);
        Alert redelivered = Alert.raise(trigger("event-1"), AT.plusSeconds(60));

        assertEquals(first.id(), redelivered.id());
        assertEquals(FollowUpCase.open(first, SlaPolicy.defaults()).id(),
                FollowUpCase.open(redelivered, SlaPolicy.defaults()).id());
    }

    @Test
    void anotherEventOrRuleRaisesAnotherAlert() {
        assertNotEquals(Alert.idFor("rule-1", "event-1"), Alert.idFor("rule-1", "event-2"));
        assertNotEquals(Alert.idFor("rule-1", "event-1"), Alert.idFor("rule-2", "event-1"));
        assertNotEquals(Alert.idFor("a", "bc"), Alert.idFor("ab", "c"));
    }

    @Test
    void theAlertCarriesTheRuleAndTheResponse() {
        Alert alert = Alert.raise(trigger("event-1"), AT);

        assertEquals("acme", alert.tenant());
        assertEquals("rule-1", alert.ruleId());
        assertEquals(AlertRuleType.DETRACTOR, alert.ruleType());
        assertEquals(Priority.HIGH, alert.priority());
        assertEquals("event-1", alert.sourceId());
        assertEquals("response-1", alert.responseId());
        assertEquals("customer-1", alert.customerId());
        assertEquals("nps=3", alert.evidence());
        assertEquals(ScaleScore.nps(3), alert.triggeringScore());
        assertEquals(AT, alert.raisedAt());
    }
}
