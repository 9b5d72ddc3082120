package io.hearken.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For the phases that kill insight-service or PostgreSQL: a detractor rule on the phase's first survey, made before
 * the load starts; afterwards every acknowledged detractor response to that survey must have raised exactly one alert
 * and one follow-up case, announced on {@code hearken.alerts} (an announcement may repeat, under the same alert id),
 * and no other response any.
 */
final class AlertCheck {

    private static final String ALERTS_TOPIC = "hearken.alerts";
    private static final String ALERT_RAISED = "hearken.alert.raised.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kafka;
    private final String surveyId;
    private final String ruleId;

    private AlertCheck(String kafka, String surveyId, String ruleId) {
        this.kafka = kafka;
        this.surveyId = surveyId;
        this.ruleId = ruleId;
    }

    /** What the alerts of the phase show: each expected alert once, none missing, none duplicated or stray. */
    record Result(long expected, long raisedOnce, long missing, long duplicated, long stray) {

        boolean holds() {
            return missing == 0 && duplicated == 0 && stray == 0;
        }

        @Override
        public String toString() {
            return raisedOnce + "/" + expected + " once" + (missing > 0 ? ", " + missing + " missing" : "")
                    + (duplicated > 0 ? ", " + duplicated + " twice" : "") + (stray > 0 ? ", " + stray + " stray" : "");
        }
    }

    static AlertCheck prepare(GatewayClient client, String kafka, String token, String name, String surveyId)
            throws IOException, InterruptedException {
        return new AlertCheck(kafka, surveyId, client.createDetractorRule(token, name, surveyId));
    }

    String surveyId() {
        return surveyId;
    }

    /** Checks the announcements of this check's rule against the acknowledged submissions to its survey. */
    Result verify(List<Submission> acknowledged) throws IOException {
        Set<String> detractors = acknowledged.stream()
                .filter(submission -> submission.surveyId.equals(surveyId) && submission.score <= 6)
                .map(Submission::responseId)
                .collect(Collectors.toSet());
        Map<String, Set<String>> alertsByResponse = new HashMap<>();
        Map<String, Set<String>> casesByAlert = new HashMap<>();
        for (JsonNode alert : announcements()) {
            alertsByResponse.computeIfAbsent(alert.get("responseId").asText(), id -> new HashSet<>())
                    .add(alert.get("alertId").asText());
            casesByAlert.computeIfAbsent(alert.get("alertId").asText(), id -> new HashSet<>())
                    .add(alert.get("caseId").asText());
        }
        long once = detractors.stream().filter(id -> alertsByResponse.getOrDefault(id, Set.of()).size() == 1)
                .count();
        long duplicated = alertsByResponse.values().stream().filter(alerts -> alerts.size() > 1).count()
                + casesByAlert.values().stream().filter(cases -> cases.size() > 1).count();
        long missing = detractors.stream().filter(id -> !alertsByResponse.containsKey(id)).count();
        long stray = alertsByResponse.keySet().stream().filter(id -> !detractors.contains(id)).count();
        return new Result(detractors.size(), once, missing, duplicated, stray);
    }

    /** Every announcement of this check's rule on the alerts topic, read from its beginning to its end. */
    private List<JsonNode> announcements() throws IOException {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(ALERTS_TOPIC).stream()
                    .map(info -> new TopicPartition(ALERTS_TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null || record.headers().lastHeader("ce_type") == null
                            || !ALERT_RAISED.equals(new String(record.headers().lastHeader("ce_type").value(),
                            StandardCharsets.UTF_8))) {
                        continue;
                    }
                    JsonNode data = JSON.readTree(record.value());
                    if (ruleId.equals(data.path("ruleId").asText()) && data.hasNonNull("alertId")) {
                        found.add(data);
                    }
                }
            }
        }
        return found;
    }
}
