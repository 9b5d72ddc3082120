package io.hearken.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes CloudEvents (binary mode, JSON data) to a real topic, as survey-service would, for consumer tests. */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String bootstrapServers;
    private final Set<String> ensuredTopics = new HashSet<>();

    public EventPublisher(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(properties);
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Sends one event and waits for the broker's acknowledgement. The broker creates no topic by itself (the
     * services declare theirs), so a test of a consumer run on its own, before any producer declared the topic,
     * creates it here.
     */
    public void publish(String topic, String id, String type, String subject, String tenant, String json) {
        publishKeyed(topic, id, id, type, subject, tenant, json);
    }

    /**
     * Sends one event under {@code key} (its partition: one profile's events keep their order under the profile's
     * id) with CloudEvent id {@code id}, and waits for the broker's acknowledgement.
     */
    public void publishKeyed(String topic, String key, String id, String type, String subject, String tenant,
                             String json) {
        ensureTopic(topic);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes("urn:hearken:test"))
                .add("ce_subject", bytes(subject))
                .add("ce_tenant", bytes(tenant))
                .add("content-type", bytes("application/json"));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + id + " to " + topic, e);
        }
    }

    private void ensureTopic(String topic) {
        if (!ensuredTopics.add(topic)) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1)
                    .configs(Map.of("retention.ms", "-1")))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topic, e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("could not create " + topic, e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
