package io.hearken.common.consumer;

import io.hearken.common.events.EventTypes;
import io.hearken.common.http.RequestIdFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.quarkus.logging.Log;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One consumer's loop on its own thread: poll, read, apply, dead-letter what can never be applied, save the
 * position, and on any other failure wait (capped exponential backoff) and read the same records again from the
 * saved position, so order is kept and nothing is skipped.
 *
 * <p>A record is never passed over silently: it is either applied, or its dead letter is acknowledged by the broker,
 * before the position moves past it. A batch that fails permanently is applied record by record to find the records
 * at fault; the others are applied (handlers are idempotent, so those applied before the failure count once).
 */
final class ConsumerLoop<E> implements Runnable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(250);

    private final String name;
    private final List<String> topics;
    private final EventHandler<E> handler;
    private final ConsumerPositions positions;
    private final EventConsumersConfig config;
    private final Map<String, Object> kafkaSettings;
    private final DeadLetterPublisher deadLetters;
    private final ConsumerProgress progress;
    private final Counter applied;
    private final Counter deadLettered;
    private final Counter retried;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Records dead-lettered since the position last moved: a retry of their batch must not dead-letter them again. */
    private final Set<String> deadLetteredSinceSave = new HashSet<>();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private boolean rewindNeeded;
    private int failuresInARow;

    ConsumerLoop(String name, List<String> topics, EventHandler<E> handler, ConsumerPositions positions,
                 EventConsumersConfig config, Map<String, Object> kafkaSettings, DeadLetterPublisher deadLetters,
                 MeterRegistry metrics) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.positions = positions;
        this.config = config;
        this.kafkaSettings = kafkaSettings;
        this.deadLetters = deadLetters;
        this.progress = new ConsumerProgress(name, config.stallTimeout());
        this.applied = metrics.counter("hearken.events.applied", "consumer", name);
        this.deadLettered = metrics.counter("hearken.events.dead.lettered", "consumer", name);
        this.retried = metrics.counter("hearken.events.retried", "consumer", name);
        metrics.gauge("hearken.consumer.stalled", List.of(Tag.of("consumer", name)),
                progress, p -> p.status().stalled() ? 1 : 0);
    }

    ConsumerProgress progress() {
        return progress;
    }

    void stop(Thread thread) {
        running.set(false);
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        // A loop waiting out a backoff stops now rather than after it.
        thread.interrupt();
    }

    @Override
    public void run() {
        try {
            consumer = new KafkaConsumer<>(consumerProperties());
            consumer.subscribe(topics, new SeekOnAssignment());
            while (running.get()) {
                try {
                    if (rewindNeeded || positions.mayHaveLostWrites()) {
                        rewind(consumer.assignment());
                    }
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                    if (records.isEmpty()) {
                        progress.idle(isCaughtUp());
                        continue;
                    }
                    progress.received();
                    process(records);
                    failuresInARow = 0;
                    progress.advanced(records.count(), isCaughtUp());
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    if (!running.get()) {
                        break;
                    }
                    retryLater(e);
                }
            }
        } catch (RuntimeException | Error e) {
            Log.errorf(e, "Consumer %s stopped unexpectedly", name);
        } finally {
            progress.stopped();
            if (consumer != null) {
                try {
                    consumer.close(Duration.ofSeconds(5));
                } catch (InterruptException e) {
                    // Stopped by an interrupt (the application shutting down): nothing is left to close cleanly.
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void process(ConsumerRecords<byte[], byte[]> records) {
        List<ConsumerRecord<byte[], byte[]>> readable = new ArrayList<>();
        List<E> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            tagLogs(record);
            E event;
            try {
                event = handler.read(record);
            } catch (RuntimeException e) {
                if (!PermanentEventFailure.isCause(e) && !handler.isPermanent(e)) {
                    throw e;
                }
                deadLetter(record, e);
                continue;
            }
            if (event != null) {
                readable.add(record);
                events.add(event);
            }
        }
        MDC.remove(RequestIdFilter.MDC_KEY);
        applyFindingFaults(readable, events);
        positions.save(consumer, nextOffsets(records));
        deadLetteredSinceSave.clear();
    }

    /** Applies the batch; if it fails for good, applies it one record at a time and dead-letters the culprits. */
    private void applyFindingFaults(List<ConsumerRecord<byte[], byte[]>> records, List<E> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            apply(events);
            return;
        } catch (PermanentFailure batchFailure) {
            if (events.size() == 1) {
                deadLetter(records.get(0), batchFailure.getCause());
                return;
            }
        }
        for (int i = 0; i < events.size(); i++) {
            tagLogs(records.get(i));
            try {
                apply(List.of(events.get(i)));
            } catch (PermanentFailure failure) {
                deadLetter(records.get(i), failure.getCause());
            }
        }
    }

    private void apply(List<E> events) {
        try {
            handler.apply(events);
            applied.increment(events.size());
        } catch (Exception e) {
            if (handler.isPermanent(e)) {
                throw new PermanentFailure(e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** Log lines about a record carry the id of the API request that caused its event, when one did. */
    private static void tagLogs(ConsumerRecord<byte[], byte[]> record) {
        Header requestId = record.headers().lastHeader("ce_" + EventTypes.REQUEST_ID_EXTENSION);
        if (requestId != null && requestId.value() != null) {
            MDC.put(RequestIdFilter.MDC_KEY, new String(requestId.value(), StandardCharsets.UTF_8));
        } else {
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, Throwable failure) {
        tagLogs(record);
        String coordinates = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (!deadLetteredSinceSave.add(coordinates)) {
            return;
        }
        try {
            deadLetters.publish(name, record, failure);
        } catch (RuntimeException e) {
            deadLetteredSinceSave.remove(coordinates);
            throw e;
        }
        deadLettered.increment();
        Log.errorf("Consumer %s dead-lettered %s-%d@%d (tenant %s): %s", name, record.topic(), record.partition(),
                record.offset(), deadLetters.tenantOf(record), failure.toString());
    }

    private void retryLater(RuntimeException failure) {
        failuresInARow++;
        retried.increment();
        progress.failed(failure);
        Duration pause = backoff(failuresInARow, config.initialBackoff(), config.maxBackoff());
        Log.warnf("Consumer %s failed (%s); reading the same records again in %d ms", name, failure.toString(),
                pause.toMillis());
        rewindNeeded = true;
        sleep(pause);
    }

    /** Capped exponential backoff after {@code failures} failures in a row: initial, 2x, 4x ... up to max. */
    static Duration backoff(int failures, Duration initial, Duration max) {
        long pause = initial.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
        return Duration.ofMillis(Math.min(pause, max.toMillis()));
    }

    /** Goes back to the saved positions, so the records of a failed attempt are read again in order. */
    private void rewind(Set<TopicPartition> assignment) {
        Map<TopicPartition, Long> saved = positions.load(consumer, assignment);
        Log.infof("Consumer %s reads again from its saved positions %s", name, saved);
        seekTo(assignment, saved);
        consumer.resume(consumer.paused());
        rewindNeeded = false;
    }

    private void seekTo(Collection<TopicPartition> partitions, Map<TopicPartition, Long> saved) {
        List<TopicPartition> fromBeginning = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long offset = saved.get(partition);
            if (offset == null) {
                fromBeginning.add(partition);
            } else {
                consumer.seek(partition, offset);
            }
        }
        if (!fromBeginning.isEmpty()) {
            consumer.seekToBeginning(fromBeginning);
        }
    }

    /**
     * Whether every assigned partition is known to have nothing left to read. A lag not known yet (right after a
     * seek or an assignment) counts as behind, so a rewind in progress is never taken for progress.
     */
    private boolean isCaughtUp() {
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private static Map<TopicPartition, Long> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
            offsets.put(partition, inPartition.get(inPartition.size() - 1).offset() + 1);
        }
        return offsets;
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.putAll(kafkaSettings);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, name);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.maxPollRecords()));
        // A consumer killed without leaving its group holds its partitions until the session ends: keep that short.
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000");
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "2000");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Eager rebalancing: a reassigned partition restarts from its saved position, so nothing is handed over.
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Seeks newly assigned partitions to positions kept outside Kafka (Kafka seeks to its own by itself). */
    private final class SeekOnAssignment implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Positions are saved after every batch; nothing is in flight while the consumer polls.
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (positions.seekOnAssignment() && !partitions.isEmpty()) {
                try {
                    Set<TopicPartition> assigned = new HashSet<>(partitions);
                    seekTo(assigned, positions.load(consumer, assigned));
                } catch (RuntimeException e) {
                    // The store is away: read nothing until a rewind from the saved positions succeeds.
                    Log.warnf("Consumer %s could not load its positions yet: %s", name, e.toString());
                    rewindNeeded = true;
                    consumer.pause(partitions);
                }
            }
        }
    }

    /** A failure of {@link EventHandler#apply} that the handler judged permanent. */
    private static final class PermanentFailure extends RuntimeException {
        PermanentFailure(Throwable cause) {
            super(cause);
        }
    }
}
