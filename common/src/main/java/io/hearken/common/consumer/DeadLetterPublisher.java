package io.hearken.common.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.hearken.common.events.EventRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Appends records to the dead-letter topic and waits for the broker's acknowledgement, so a consumer moves past a
 * record only once its dead letter is as durable as the record was.
 */
final class DeadLetterPublisher implements AutoCloseable {

    static final String TENANT_HEADER = "ce_tenant";
    private static final int MAX_ERROR_LENGTH = 2000;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Duration timeout;

    DeadLetterPublisher(Map<String, Object> kafkaSettings, String topic, Duration timeout) {
        Properties properties = new Properties();
        properties.putAll(kafkaSettings);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout.toMillis()));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(properties);
        this.topic = topic;
        this.timeout = timeout;
    }

    /**
     * Appends the record as a dead letter of {@code consumer}; throws (a transient failure) if the broker did not
     * take it. A redriven record that fails again keeps the coordinates of where it first came from, so a listing
     * shows its real origin and a further redrive hands it to its consumer as a record of that topic.
     */
    void publish(String consumer, ConsumerRecord<byte[], byte[]> record, Throwable failure) {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic, record.key(), record.value());
        boolean redriven = header(record, DeadLetterHeaders.REDRIVEN_FROM) != null;
        String originTopic = redriven ? header(record, DeadLetterHeaders.TOPIC) : record.topic();
        String originPartition = redriven ? header(record, DeadLetterHeaders.PARTITION)
                : String.valueOf(record.partition());
        String originOffset = redriven ? header(record, DeadLetterHeaders.OFFSET) : String.valueOf(record.offset());
        for (Header header : record.headers()) {
            // The letter's own dead-letter headers are written below; the redrive's origin stays.
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)
                    || header.key().equals(DeadLetterHeaders.REDRIVEN_FROM)) {
                letter.headers().add(header);
            }
        }
        letter.headers()
                .add(DeadLetterHeaders.CONSUMER, bytes(consumer))
                .add(DeadLetterHeaders.TOPIC, bytes(originTopic))
                .add(DeadLetterHeaders.PARTITION, bytes(originPartition))
                .add(DeadLetterHeaders.OFFSET, bytes(originOffset))
                .add(DeadLetterHeaders.ERROR, bytes(describe(failure)))
                .add(DeadLetterHeaders.FAILED_AT, bytes(Instant.now().toString()))
                .add(DeadLetterHeaders.TENANT, bytes(tenantOf(record)));
        send(letter);
    }

    /** Appends a record as it is (used to hand a dead letter back to its consumer). */
    void send(ProducerRecord<byte[], byte[]> record) {
        try {
            producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge a record for " + record.topic(), e);
        }
    }

    /** The tenant a record belongs to: its CloudEvent tenant attribute, else the payload's, else "unknown". */
    String tenantOf(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(TENANT_HEADER);
        if (header != null && header.value() != null && header.value().length > 0) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        if (record.value() != null) {
            try {
                JsonNode tenant = EventRecords.reader().readTree(record.value()).path("tenant");
                if (tenant.isTextual() && !tenant.asText().isBlank()) {
                    return tenant.asText();
                }
            } catch (IOException | RuntimeException e) {
                // not JSON: the tenant stays unknown
            }
        }
        return DeadLetterHeaders.UNKNOWN_TENANT;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return RedrivenRecords.header(record, name).orElse(null);
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.toString());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && cause != failure && depth < 3; depth++, cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
