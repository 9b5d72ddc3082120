package io.hearken.chaos;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmarks do straight on the broker: append response events as survey-service appends them (CloudEvents
 * in binary mode, docs/events.md), and measure the broker's own ceilings in the same run: records read back with no
 * work, and bare appends with the services' producer settings.
 */
final class BenchKafka {

    static final String RESPONSES = "hearken.responses";

    // Wire names survey-service knows (Channel): an unknown one is dead-lettered by its projector
    private static final String[] CHANNELS = {"web", "email", "sms", "in-app", "kiosk"};
    private static final String[] LOCALES = {"en", "ja", "zh-Hans", "zh-Hant"};
    private static final String[] COMMENTS = {
        "Delivery was late and support never answered my emails.",
        "配達が早くてとても満足です。",
        "客服态度很差，我要退款。",
        "店員的服務非常好，下次還會再來。",
        "The app is fine, nothing special."};

    private BenchKafka() {
    }

    /** A producer with acks=all and the given linger (survey-service appends responses with 2 ms). */
    static KafkaProducer<String, String> producer(String kafka, int lingerMillis) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMillis));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    /** A response event on {@code hearken.responses}, keyed by its id, with survey-service's CloudEvents headers. */
    static ProducerRecord<String, String> responseRecord(String id, String tenant, String survey, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(RESPONSES, id, json);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id))
                .add("ce_type", bytes("hearken.response.submitted.v2"))
                .add("ce_source", bytes("urn:hearken:bench")).add("ce_subject", bytes(survey))
                .add("ce_tenant", bytes(tenant)).add("content-type", bytes("application/json"));
        return record;
    }

    /**
     * A complete anonymous response with an NPS of {@code nps}, a CSAT, a CES, a choice and a comment in one of four
     * languages (the text analysed by insight-service): the event the score and projector benchmarks append.
     */
    static ProducerRecord<String, String> scoredResponse(String tenant, String survey, int nps, Random random) {
        return scoredResponse(tenant, survey, nps, random, null);
    }

    /**
     * The same response from the customer {@code customerId} of the tenant, verified (as from a signed invitation),
     * so that profile-service keeps it on the customer's timeline and insight-service follows the customer's churn
     * risk; anonymous when {@code customerId} is null.
     */
    static ProducerRecord<String, String> scoredResponse(String tenant, String survey, int nps, Random random,
                                                         String customerId) {
        String id = UUID.randomUUID().toString();
        String respondent = customerId == null ? ""
                : "\"respondent\":{\"customerId\":\"%s\",\"verified\":true},".formatted(customerId);
        String json = """
                {"responseId":"%s","surveyId":"%s","surveyVersion":%d,"tenant":"%s","channel":"%s",\
                "language":"%s","touchpoint":"checkout","journeyStage":"purchase",%s\
                "answers":[{"questionId":"nps","type":"NPS","score":%d,"scaleMin":0,"scaleMax":10},\
                {"questionId":"csat","type":"CSAT","score":%d,"scaleMin":1,"scaleMax":5},\
                {"questionId":"ces","type":"CES","score":%d,"scaleMin":1,"scaleMax":7},\
                {"questionId":"why","type":"MULTIPLE_CHOICE","choices":["price","speed"]},\
                {"questionId":"comment","type":"TEXT","text":"%s"}],\
                "completed":true,"submittedAt":"%s"}""".formatted(id, survey, 1 + random.nextInt(2), tenant,
                CHANNELS[random.nextInt(CHANNELS.length)], LOCALES[random.nextInt(LOCALES.length)], respondent, nps,
                1 + random.nextInt(5), 1 + random.nextInt(7), COMMENTS[random.nextInt(COMMENTS.length)],
                Instant.now());
        return responseRecord(id, tenant, survey, json);
    }

    private static KafkaConsumer<byte[], byte[]> reader(String kafka) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    /** The end offsets of {@code hearken.responses}' partitions: where records appended next will start. */
    static Map<TopicPartition, Long> endOffsets(String kafka) {
        try (KafkaConsumer<byte[], byte[]> consumer = reader(kafka)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(RESPONSES)) {
                partitions.add(new TopicPartition(RESPONSES, partition.partition()));
            }
            return consumer.endOffsets(partitions);
        }
    }

    /** Reads {@code records} records from {@code start} with no processing: the broker's and client's ceiling. */
    static double bareRead(String kafka, Map<TopicPartition, Long> start, long records) {
        try (KafkaConsumer<byte[], byte[]> consumer = reader(kafka)) {
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            long read = 0;
            long began = System.nanoTime();
            while (read < records) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                read += batch.count();
            }
            return read / ((System.nanoTime() - began) / 1e9);
        }
    }

    /**
     * Bare appends to a scratch topic with as many partitions as {@code hearken.responses}, with survey-service's
     * producer settings for responses (acks=all, idempotent, linger 2 ms) and records the size of a response event:
     * records acknowledged a second over {@code seconds} after a 2 s warm-up, as fast as the producer takes them.
     * The topic is deleted afterwards. The most any path that acknowledges on the append can reach on this broker.
     */
    static double bareAppend(String kafka, int seconds) throws Exception {
        String topic = "hearken.bench.append-ceiling-" + Long.toString(System.currentTimeMillis(), 36);
        Properties adminSettings = new Properties();
        adminSettings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (Admin admin = Admin.create(adminSettings)) {
            int partitions = admin.describeTopics(List.of(RESPONSES)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(RESPONSES).partitions().size();
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                    .get(30, TimeUnit.SECONDS);
            try {
                return appendFor(kafka, topic, seconds);
            } finally {
                admin.deleteTopics(Set.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static double appendFor(String kafka, String topic, int seconds) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Random random = new Random(19);
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            long end = warm + TimeUnit.SECONDS.toNanos(seconds);
            long now;
            while ((now = System.nanoTime()) < end) {
                ProducerRecord<String, String> response = scoredResponse("bench-ceiling", "bench-ceiling",
                        random.nextInt(11), random);
                boolean counted = now >= warm;
                // send() blocks once the producer's buffer is full: the loop runs as fast as the broker acknowledges
                producer.send(new ProducerRecord<>(topic, response.key(), response.value()), (metadata, failure) -> {
                    if (failure != null) {
                        failed.incrementAndGet();
                    } else if (counted && System.nanoTime() < end) {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            System.out.printf("  (%d bare appends failed)%n", failed.get());
        }
        return acknowledged.get() / (double) seconds;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
