package io.hearken.insight.rest;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.events.Topics;
import io.hearken.testing.ConsumerProgress;
import io.hearken.testing.TestInfrastructure;
import io.hearken.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.hearken.insight.rest.AlertFixtures.alerts;
import static io.hearken.insight.rest.AlertFixtures.awaitAlerts;
import static io.hearken.insight.rest.AlertFixtures.cases;
import static io.hearken.insight.rest.AlertFixtures.createRule;
import static io.hearken.insight.rest.AlertFixtures.csat;
import static io.hearken.insight.rest.AlertFixtures.newTenant;
import static io.hearken.insight.rest.AlertFixtures.nps;
import static io.hearken.insight.rest.AlertFixtures.publish;
import static io.hearken.insight.rest.AlertFixtures.response;
import static io.hearken.insight.rest.AlertFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alerts raised from response events through the real broker, consumer and database: one alert and one case per
 * matching response and rule, however often the event is delivered, none for a response that matches nothing, and
 * each alert announced on {@code hearken.alerts} under its own id.
 */
@QuarkusTest
class AlertsFromEventsTest {

    @Inject
    EventConsumers consumers;

    @Test
    void raisesOneAlertAndOneCasePerMatchingResponseEvenWhenDeliveredTwice() {
        String tenant = newTenant();
        String detractorRule = createRule(tenant, """
                {"name": "Detractors", "type": "DETRACTOR", "priority": "HIGH"}""");
        String csatRule = createRule(tenant, """
                {"name": "Unhappy", "type": "LOW_CSAT", "priority": "MEDIUM", "threshold": 2}""");
        String keywordRule = createRule(tenant, """
                {"name": "Churn words", "type": "KEYWORD", "priority": "URGENT", "keywords": ["解約", "退款"]}""");
        createRule(tenant, """
                {"name": "Off", "type": "DETRACTOR", "priority": "LOW", "enabled": false}""");

        String detractor = UUID.randomUUID().toString();
        String unhappy = UUID.randomUUID().toString();
        String japanese = UUID.randomUUID().toString();
        String chinese = UUID.randomUUID().toString();
        String happy = UUID.randomUUID().toString();
        String partial = UUID.randomUUID().toString();
        List<String[]> events = List.of(
                new String[] {detractor, response(tenant, detractor, true, nps(6) + ", " + csat(4))},
                new String[] {unhappy, response(tenant, unhappy, true, nps(8) + ", " + csat(1))},
                new String[] {japanese, response(tenant, japanese, true, text("サブスクを解約したい"))},
                new String[] {chinese, response(tenant, chinese, true, text("我要退款！"))},
                new String[] {happy, response(tenant, happy, true, nps(7) + ", " + csat(3) + ", " + text("退出"))},
                // saved progress raises nothing; its complete version (not sent here) would be judged
                new String[] {partial, response(tenant, partial, false, nps(0))});

        Map<String, String> expectedRuleByResponse = Map.of(detractor, detractorRule, unhappy, csatRule, japanese,
                keywordRule, chinese, keywordRule);
        try (TopicProbe probe = TopicProbe.open(TestInfrastructure.kafkaBootstrapServers(), Topics.ALERTS)) {
            publish(tenant, events);
            awaitAlerts(tenant, 4);
            publish(tenant, events);
            ConsumerProgress.awaitCaughtUp(consumers);

            JsonPath alerts = alerts(tenant);
            assertEquals(4, alerts.getList("items").size(), "each alert once");
            List<Map<String, Object>> items = alerts.getList("items");
            Map<String, String> ruleByResponse = items.stream().collect(Collectors.toMap(
                    item -> (String) item.get("responseId"), item -> (String) item.get("ruleId")));
            assertEquals(expectedRuleByResponse, ruleByResponse);
            Map<String, String> evidenceByResponse = items.stream().collect(Collectors.toMap(
                    item -> (String) item.get("responseId"), item -> (String) item.get("evidence")));
            assertEquals(Map.of(detractor, "nps=6", unhappy, "csat=1", japanese, "解約", chinese, "退款"),
                    evidenceByResponse);

            JsonPath cases = cases(tenant);
            assertEquals(4, cases.getList("items").size(), "each case once");
            Set<String> caseIds = new HashSet<>(alerts.getList("items.caseId", String.class));
            assertEquals(caseIds, new HashSet<>(cases.getList("items.id", String.class)));
            assertEquals(List.of("OPEN", "OPEN", "OPEN", "OPEN"), cases.getList("items.status", String.class));

            // Every alert is announced under its own id, at least once (the redelivery announces it again). The
            // topic carries the customers' churn risk too, which is not what this test is about.
            Set<String> alertIds = new HashSet<>(alerts.getList("items.id", String.class));
            List<ConsumerRecord<String, String>> announced = probe.await(
                    record -> tenant.equals(TopicProbe.header(record, "ce_tenant"))
                            && "hearken.alert.raised.v1".equals(TopicProbe.header(record, "ce_type")), 8,
                    Duration.ofSeconds(30));
            Set<String> announcedIds = new HashSet<>();
            for (ConsumerRecord<String, String> record : announced) {
                assertEquals("hearken.alert.raised.v1", TopicProbe.header(record, "ce_type"));
                announcedIds.add(TopicProbe.header(record, "ce_id"));
                assertTrue(caseIds.contains(record.key()), "keyed by case id");
            }
            assertEquals(alertIds, announcedIds);

            ConsumerRecord<String, String> first = announced.stream()
                    .filter(record -> record.value().contains(detractor)).findFirst().orElseThrow();
            JsonPath data = new JsonPath(first.value());
            assertEquals(TopicProbe.header(first, "ce_id"), data.getString("alertId"));
            assertEquals(first.key(), data.getString("caseId"));
            assertEquals(tenant, data.getString("tenant"));
            assertEquals(detractorRule, data.getString("ruleId"));
            assertEquals("Detractors", data.getString("ruleName"));
            assertEquals("DETRACTOR", data.getString("type"));
            assertEquals("HIGH", data.getString("priority"));
            assertEquals(AlertFixtures.SURVEY, data.getString("surveyId"));
            assertEquals(detractor, data.getString("responseId"));
            assertEquals("cust-" + detractor, data.getString("customerId"));
            assertEquals("nps=6", data.getString("evidence"));
            assertNotNull(data.getString("reason"));
            assertNotNull(data.getString("raisedAt"));
            assertNotNull(data.getString("slaDeadline"));
        }
    }

    @Test
    void aResponseThatMatchesNoRuleRaisesNothing() {
        // One matching response goes with them, so that the test knows when the consumer has been through the batch.
        String tenant = newTenant();
        createRule(tenant, """
                {"name": "Detractors", "type": "DETRACTOR", "priority": "HIGH"}""");
        createRule(tenant, """
                {"name": "Cancellations", "type": "KEYWORD", "priority": "HIGH", "keywords": ["cancel"]}""");
        List<String[]> events = new ArrayList<>();
        for (String text : List.of("I cancelled nothing", "all fine")) {
            String id = UUID.randomUUID().toString();
            events.add(new String[] {id, response(tenant, id, true, nps(9) + ", " + text(text))});
        }
        String detractor = UUID.randomUUID().toString();
        events.add(new String[] {detractor, response(tenant, detractor, true, nps(0))});
        publish(tenant, events);
        awaitAlerts(tenant, 1);
        ConsumerProgress.awaitCaughtUp(consumers);
        assertEquals(List.of(detractor), alerts(tenant).getList("items.responseId", String.class));
        assertEquals(1, cases(tenant).getList("items").size());
    }
}
