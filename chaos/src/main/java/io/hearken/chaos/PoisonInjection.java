package io.hearken.chaos;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The poison phase: events that can never be applied, written straight onto the record of truth under steady load
 * (a text with U+0000, an unknown event version, a payload that is not JSON), and the check that each landed on the
 * dead-letter topic for exactly the consumers that cannot apply it, and nothing else did.
 *
 * <p>U+0000 is refused by PostgreSQL only, so that event is dead-lettered by profile-service's timeline consumer and
 * applied by the others (it names a survey of its own, so it changes no figure the fault run checks).
 */
final class PoisonInjection implements AutoCloseable {

    static final String RESPONSES = "hearken.responses";
    static final String DEAD_LETTERS = "hearken.dead-letters";
    static final List<String> CONSUMERS = List.of("survey-projector", "profile-timeline", "insight-rollups",
            "insight-alerts", "insight-churn", "webhook-events");
    private static final String PROFILE_TIMELINE = "profile-timeline";

    private final String bootstrapServers;
    private final String tenant;
    private final KafkaProducer<String, String> producer;
    /** Expected dead letters as "consumer|event id". */
    private final Set<String> expected = new HashSet<>();
    private Map<TopicPartition, Long> deadLettersBefore;
    private int injected;

    PoisonInjection(String bootstrapServers, String tenant) {
        this.bootstrapServers = bootstrapServers;
        this.tenant = tenant;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(properties);
    }

    /** Remembers where the dead-letter topic ends now: only letters written after this count. */
    void markStart() {
        try (KafkaConsumer<String, String> reader = reader()) {
            List<TopicPartition> partitions = partitions(reader);
            deadLettersBefore = new HashMap<>(reader.endOffsets(partitions, Duration.ofSeconds(10)));
        }
    }

    /** Writes one of each kind of poison event. */
    void injectOneOfEach() throws Exception {
        String survey = "poison-survey-" + UUID.randomUUID();
        String nul = UUID.randomUUID().toString();
        send(nul, "hearken.response.submitted.v1", """
                {"responseId": "%s", "surveyId": "%s", "tenant": "%s", "channel": "web", "language": "en",
                 "respondent": {"email": "poison.%s@example.com"},
                 "answers": [{"questionId": "nps", "type": "NPS", "score": 7},
                             {"questionId": "reason", "type": "TEXT", "text": "ok\\u0000ok"}],
                 "submittedAt": "%s"}""".formatted(nul, survey, tenant, nul, Instant.now()), survey);
        expected.add(PROFILE_TIMELINE + "|" + nul);
        String unknownVersion = UUID.randomUUID().toString();
        send(unknownVersion, "hearken.response.submitted.v9", "{\"responseId\": \"" + unknownVersion + "\"}", survey);
        String notJson = UUID.randomUUID().toString();
        send(notJson, "hearken.response.submitted.v1", "{\"responseId\": \"" + notJson + "\", \"answers\": [", survey);
        for (String consumer : CONSUMERS) {
            expected.add(consumer + "|" + unknownVersion);
            expected.add(consumer + "|" + notJson);
        }
        injected += 3;
    }

    private void send(String id, String type, String json, String subject) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(RESPONSES, id, json);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes("urn:hearken:chaos"))
                .add("ce_subject", bytes(subject))
                .add("ce_tenant", bytes(tenant))
                .add("content-type", bytes("application/json"));
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    /** Waits until every expected dead letter is there (or the timeout passes) and says what was found. */
    Result check(Duration timeout) {
        Set<String> found = new HashSet<>();
        Set<String> stray = new HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> reader = reader()) {
            List<TopicPartition> partitions = partitions(reader);
            reader.assign(partitions);
            for (TopicPartition partition : partitions) {
                reader.seek(partition, deadLettersBefore.getOrDefault(partition, 0L));
            }
            while (!found.containsAll(expected) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> letter : reader.poll(Duration.ofMillis(500))) {
                    if (header(letter, "hearken-dl-redrive-of") != null) {
                        continue;
                    }
                    String key = header(letter, "hearken-dl-consumer") + "|" + header(letter, "ce_id");
                    (expected.contains(key) ? found : stray).add(key);
                }
            }
            // Anything else written a little later would be just as wrong.
            long settle = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < settle) {
                for (ConsumerRecord<String, String> letter : reader.poll(Duration.ofMillis(500))) {
                    String key = header(letter, "hearken-dl-consumer") + "|" + header(letter, "ce_id");
                    if (!expected.contains(key) && header(letter, "hearken-dl-redrive-of") == null) {
                        stray.add(key);
                    }
                }
            }
        }
        return new Result(injected, expected.size(), found.size(), stray.size());
    }

    /**
     * @param injected     poison events written
     * @param expected     dead letters they must produce (one per consumer that cannot apply each)
     * @param deadLettered expected dead letters found
     * @param stray        dead letters of anything else written meanwhile (must be 0)
     */
    record Result(int injected, int expected, int deadLettered, int stray) {
        boolean holds() {
            return deadLettered == expected && stray == 0;
        }
    }

    private KafkaConsumer<String, String> reader() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> reader) {
        return reader.partitionsFor(DEAD_LETTERS, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(DEAD_LETTERS, info.partition())).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
