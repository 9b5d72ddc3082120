package io.hearken.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hearken.common.config.KafkaClientSettings;
import io.hearken.common.http.RequestIdFilter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Appends CloudEvents (binary mode, JSON data, the tenant as an extension) and returns only once the broker has
 * acknowledged them (acks=all, idempotent producer). For services that append from a consumer's thread or an
 * outbox relay and must not move on before the event is durable; survey-service's request path keeps its
 * non-blocking channels.
 */
public final class EventAppender implements AutoCloseable {

    private static final ObjectMapper WRITER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final KafkaProducer<byte[], byte[]> producer;
    private final String source;
    private final Duration timeout;

    /** A producer with the service's {@code kafka.*} settings; {@code source} is the CloudEvent source. */
    public EventAppender(String source, Duration timeout) {
        Properties properties = new Properties();
        properties.putAll(KafkaClientSettings.fromConfig());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout.toMillis()));
        // The broker must have it within the caller's wait; Kafka wants delivery >= linger + request timeout.
        long request = Math.min(timeout.toMillis(), 30_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(request));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(timeout.toMillis(),
                request + 2)));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(properties);
        this.source = source;
        this.timeout = timeout;
    }

    /** One event to append: its CloudEvent attributes, the record key and the data. */
    public record Event(String topic, String key, String id, String type, String subject, String tenant,
                        Instant time, Object data) {
    }

    /** Data that is JSON already (an outbox row): appended as it is. */
    public record Json(String value) {
    }

    /** Appends the event and waits for the acknowledgement; throws {@link IllegalStateException} if none came. */
    public void append(Event event) {
        appendAll(List.of(event));
    }

    /**
     * Appends the events, all sent before any is waited for (one round of acknowledgements, not one per event), and
     * returns once the broker has every one; throws {@link IllegalStateException} if one was not acknowledged in
     * time. Events with one key keep their order.
     */
    public void appendAll(List<Event> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (Event event : events) {
            sent.add(producer.send(record(event)));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < sent.size(); i++) {
            Event event = events.get(i);
            try {
                sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while appending " + event.id(), e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge " + event.type() + " " + event.id(), e);
            }
        }
    }

    private ProducerRecord<byte[], byte[]> record(Event event) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(event.topic(), bytes(event.key()), json(event));
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(event.id()))
                .add("ce_type", bytes(event.type()))
                .add("ce_source", bytes(source))
                .add("ce_subject", bytes(event.subject()))
                .add("ce_time", bytes(event.time().toString()))
                .add("ce_" + EventTypes.TENANT_EXTENSION, bytes(event.tenant()))
                .add("content-type", bytes("application/json"));
        Object requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            record.headers().add("ce_" + EventTypes.REQUEST_ID_EXTENSION, bytes(requestId.toString()));
        }
        return record;
    }

    private static byte[] json(Event event) {
        if (event.data() instanceof Json raw) {
            return raw.value().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return WRITER.writeValueAsBytes(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " is not writable as JSON", e);
        }
    }

    private static byte[] bytes(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
