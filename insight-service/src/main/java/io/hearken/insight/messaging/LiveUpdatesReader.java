package io.hearken.insight.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.config.KafkaClientSettings;
import io.hearken.common.consumer.EventConsumersConfig;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.insight.domain.LiveUpdate;
import io.hearken.insight.service.LiveFeed;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what the tenants' live screens are nudged about ({@link LiveFeed}) from the topics, every instance all of it:
 * a viewer may be connected to any instance, so each reads every partition in a consumer group of its own, from the
 * end, committing nothing. Missing updates while it is away is allowed (a screen reads the API when it connects);
 * holding up the service's consumers is not, so this is a separate consumer that only reads headers and, for a
 * response, three fields.
 */
@ApplicationScoped
public class LiveUpdatesReader {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final LiveFeed feed;
    private final ObjectMapper json;
    private final EventConsumersConfig consumers;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public LiveUpdatesReader(LiveFeed feed, ObjectMapper json, EventConsumersConfig consumers) {
        this.feed = feed;
        this.json = json;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent event) {
        if (!consumers.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::readWhileRunning, "live-updates");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
    }

    private void readWhileRunning() {
        while (running) {
            try (KafkaConsumer<String, byte[]> reading = newConsumer()) {
                consumer = reading;
                reading.subscribe(List.of(Topics.RESPONSES, Topics.FEEDBACK, Topics.ALERTS),
                        new ConsumerRebalanceListener() {
                            @Override
                            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                            }

                            @Override
                            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                                if (!partitions.isEmpty()) {
                                    Log.infof("Live updates: reading %d partitions from their end",
                                            partitions.size());
                                }
                            }
                        });
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : reading.poll(POLL)) {
                        updateOf(record).ifPresent(feed::publish);
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException failure) {
                // A broker away must not end live updates for good: read again from the end a little later.
                Log.warnf("Live updates stopped (%s); reading again in %d s", failure, RETRY_AFTER.toSeconds());
                sleep();
            }
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> settings = KafkaClientSettings.fromConfig();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "insight-live-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The update a record is, if it is one a live screen shows. */
    Optional<LiveUpdate> updateOf(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        String tenant = header(record, "ce_tenant");
        if (type == null || tenant == null) {
            return Optional.empty();
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        return switch (type) {
            case EventTypes.RESPONSE_SUBMITTED -> completedResponse(record, tenant, at);
            case EventTypes.FEEDBACK_RECEIVED ->
                    Optional.of(new LiveUpdate("feedback.received", tenant, null, record.key(), at));
            case EventTypes.ALERT_RAISED -> Optional.of(new LiveUpdate("alert.raised", tenant, null, record.key(), at));
            case EventTypes.CASE_RESOLVED ->
                    Optional.of(new LiveUpdate("case.resolved", tenant, null, record.key(), at));
            default -> Optional.empty();
        };
    }

    /** A response counts once it is complete; saved progress changes no figure. */
    private Optional<LiveUpdate> completedResponse(ConsumerRecord<String, byte[]> record, String tenant, Instant at) {
        try {
            JsonNode data = json.readTree(record.value());
            if (data == null || !data.path("completed").asBoolean(false)) {
                return Optional.empty();
            }
            return Optional.of(new LiveUpdate("response.completed", tenant, data.path("surveyId").asText(null),
                    data.path("responseId").asText(record.key()), at));
        } catch (IOException unreadable) {
            return Optional.empty(); // the service's own consumers dead-letter it; a screen just misses it
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY_AFTER.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
