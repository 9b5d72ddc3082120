package io.hearken.survey.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.events.Topics;
import io.hearken.survey.config.SurveyServiceConfig;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.repository.ProjectionWriter;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps survey-service's MongoDB collections in step with the {@code hearken.surveys} and {@code hearken.responses}
 * topics, which are the record of truth: a submission is acknowledged once it is on the topic, not in MongoDB.
 *
 * <p>Offsets trail the writes: an offset is committed only when its write is older than the configured durability
 * delay and MongoDB has stayed reachable since (same connection epoch). After any MongoDB failure the projector
 * seeks back to the committed offsets and writes again; every write is idempotent, so a replay stores nothing
 * twice and a write lost by a crashed store is made again.
 */
@ApplicationScoped
public class Projector {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(250);

    private final SurveyServiceConfig config;
    private final ObjectMapper objectMapper;
    private final String bootstrapServers;
    private final String mongoConnectionString;
    private final String database;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Deque<PendingCommit> pendingCommits = new ArrayDeque<>();
    private volatile ProjectorState state = ProjectorState.STARTING;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile ProjectionWriter writer;
    private volatile boolean rewindNeeded;
    private Thread thread;

    public Projector(SurveyServiceConfig config, ObjectMapper objectMapper,
                     @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                     @ConfigProperty(name = "quarkus.mongodb.connection-string") String mongoConnectionString,
                     @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.config = config;
        this.objectMapper = objectMapper;
        this.bootstrapServers = bootstrapServers;
        this.mongoConnectionString = mongoConnectionString;
        this.database = database;
    }

    void start(@Observes StartupEvent event) {
        if (!config.projection().enabled()) {
            state = ProjectorState.DISABLED;
            return;
        }
        running.set(true);
        thread = new Thread(this::runUntilStopped, "survey-projector");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running.set(false);
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    public ProjectorState state() {
        return state;
    }

    /** Whether the projector thread is alive (or was never meant to run); a dead one means a stale MongoDB. */
    public boolean isAlive() {
        return state == ProjectorState.DISABLED || (thread != null && thread.isAlive());
    }

    private void runUntilStopped() {
        try {
            run();
        } catch (RuntimeException | Error e) {
            state = ProjectorState.STOPPED;
            Log.error("The MongoDB projector stopped unexpectedly", e);
        }
    }

    private void run() {
        try {
            writer = new ProjectionWriter(mongoConnectionString, database);
            consumer = new KafkaConsumer<>(consumerProperties());
            consumer.subscribe(List.of(Topics.SURVEYS, Topics.RESPONSES), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Uncommitted writes are replayed by the next owner; nothing to hand over.
                    pendingCommits.clear();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    pendingCommits.clear();
                }
            });
            boolean indexesReady = false;
            while (running.get()) {
                try {
                    if (rewindNeeded) {
                        // Never read on past writes MongoDB may have lost: first go back to the committed offsets.
                        rewindToCommitted();
                        continue;
                    }
                    if (!indexesReady) {
                        writer.ensureIndexes();
                        indexesReady = true;
                    }
                    long epoch = writer.connectionEpoch();
                    if (!pendingCommits.isEmpty() && pendingCommits.peekFirst().epoch() != epoch) {
                        throw new IllegalStateException("MongoDB was unreachable since uncommitted writes were made");
                    }
                    ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
                    if (!records.isEmpty()) {
                        apply(records);
                        pendingCommits.add(new PendingCommit(nextOffsets(records), epoch, System.currentTimeMillis()));
                    }
                    commitDurableWrites();
                    state = ProjectorState.RUNNING;
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    if (!running.get()) {
                        break;
                    }
                    state = ProjectorState.RETRYING;
                    Log.warnf("Projection into MongoDB failed (%s); replaying from the last committed offsets",
                            e.toString());
                    writer.distrustEarlierWrites();
                    pendingCommits.clear();
                    rewindNeeded = true;
                    sleep(config.projection().retryBackoff());
                }
            }
        } finally {
            state = ProjectorState.STOPPED;
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(5));
            }
            if (writer != null) {
                writer.close();
            }
        }
    }

    private void apply(ConsumerRecords<String, String> records) {
        List<ResponseSubmitted> responses = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                if (Topics.SURVEYS.equals(record.topic())) {
                    writer.saveSurvey(objectMapper.readValue(record.value(), Survey.class));
                } else {
                    responses.add(objectMapper.readValue(record.value(), ResponseSubmitted.class));
                }
            } catch (IOException e) {
                // A record nobody can read would stop the projection forever; skip it loudly instead.
                Log.errorf("Skipping unreadable record %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        writer.insertResponses(responses);
    }

    /** Commits the offsets whose writes are old enough to be on disk and were made while MongoDB stayed up. */
    private void commitDurableWrites() {
        long durableBefore = System.currentTimeMillis() - config.projection().durabilityDelay().toMillis();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        while (!pendingCommits.isEmpty() && pendingCommits.peekFirst().writtenAtMillis() <= durableBefore) {
            PendingCommit pending = pendingCommits.pollFirst();
            if (pending.epoch() != writer.connectionEpoch()) {
                throw new IllegalStateException("MongoDB was unreachable after writes were made; they may be lost");
            }
            offsets.putAll(pending.offsets());
        }
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
    }

    /** Seeks every assigned partition back to its committed offset; on failure the next loop tries again. */
    private void rewindToCommitted() {
        pendingCommits.clear();
        try {
            Set<TopicPartition> assignment = consumer.assignment();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment, Duration.ofSeconds(5));
            for (TopicPartition partition : assignment) {
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
            rewindNeeded = false;
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            Log.warnf("Could not rewind to the committed offsets yet, trying again: %s", e.toString());
            sleep(config.projection().retryBackoff());
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> partitionRecords = records.records(partition);
            long last = partitionRecords.get(partitionRecords.size() - 1).offset();
            offsets.put(partition, new OffsetAndMetadata(last + 1));
        }
        return offsets;
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        // The service's global Kafka settings (kafka.security.protocol, kafka.sasl.*, kafka.ssl.*, ...) apply here
        // too, so the projector reaches a secured cluster like the rest of the service.
        Config settings = ConfigProvider.getConfig();
        for (String name : settings.getPropertyNames()) {
            if (name.startsWith("kafka.") && !name.startsWith("kafka.devservices")) {
                settings.getOptionalValue(name, String.class)
                        .ifPresent(value -> properties.put(name.substring("kafka.".length()), value));
            }
        }
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.projection().groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000");
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "2000");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Eager rebalancing: a reassigned partition restarts from its committed offset, which is what makes
        // dropping the pending (uncommitted) writes on a rebalance safe.
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the projector is doing, reported by its liveness check. */
    public enum ProjectorState {
        STARTING, RUNNING, RETRYING, STOPPED, DISABLED
    }

    private record PendingCommit(Map<TopicPartition, OffsetAndMetadata> offsets, long epoch, long writtenAtMillis) {
    }
}
