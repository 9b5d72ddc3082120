package io.hearken.common.consumer;

import io.hearken.common.config.KafkaClientSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lists the dead-letter topic and hands dead letters back to their consumers after a fix.
 *
 * <p>A redrive appends the original record (key, value, headers) to the consumer's redrive topic, where its loop
 * applies it like any other record (so idempotently: redriven twice, applied once), and appends a marker to the
 * dead-letter topic so the listing shows when it was redriven. A record that fails again is dead-lettered again.
 */
@ApplicationScoped
public class DeadLetters {

    static final String REDRIVE_OF = "hearken-dl-redrive-of";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final EventConsumersConfig config;
    private final EventConsumers consumers;

    public DeadLetters(EventConsumersConfig config, EventConsumers consumers) {
        this.config = config;
        this.consumers = consumers;
    }

    /** Dead letters matching the filters (null means any), oldest first. */
    public List<DeadLetter> list(String tenant, String consumer) {
        return read(letter -> (tenant == null || tenant.equals(letter.tenant()))
                && (consumer == null || consumer.equals(letter.consumer()))).stream()
                .map(Entry::letter)
                .toList();
    }

    /**
     * Hands back the dead letters matching the filters; with {@code ids}, only those. With {@code again} false, a
     * letter redriven before is left alone.
     *
     * @return the letters handed back
     */
    public List<DeadLetter> redrive(String tenant, String consumer, Collection<String> ids, boolean again) {
        List<DeadLetter> redriven = new ArrayList<>();
        Instant now = Instant.now();
        for (Entry entry : read(letter -> (tenant == null || tenant.equals(letter.tenant()))
                && (consumer == null || consumer.equals(letter.consumer()))
                && (ids == null || ids.isEmpty() || ids.contains(letter.id()))
                && (again || letter.redrivenAt() == null))) {
            DeadLetter letter = entry.letter();
            ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(EventConsumers.redriveTopic(letter.consumer()),
                    entry.record().key(), entry.record().value());
            for (Header header : entry.record().headers()) {
                copy.headers().add(header);
            }
            copy.headers().add(DeadLetterHeaders.REDRIVEN_FROM, bytes(letter.id()));
            consumers.deadLetterPublisher().send(copy);
            ProducerRecord<byte[], byte[]> marker = new ProducerRecord<>(config.deadLetterTopic(), null, null);
            marker.headers()
                    .add(REDRIVE_OF, bytes(letter.id()))
                    .add(DeadLetterHeaders.CONSUMER, bytes(letter.consumer()))
                    .add(DeadLetterHeaders.TENANT, bytes(letter.tenant()))
                    .add(DeadLetterHeaders.FAILED_AT, bytes(now.toString()));
            consumers.deadLetterPublisher().send(marker);
            redriven.add(letter.redriven(now));
        }
        return redriven;
    }

    private List<Entry> read(Predicate<DeadLetter> filter) {
        Map<String, Entry> letters = new LinkedHashMap<>();
        Map<String, Instant> redrives = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Properties properties = new Properties();
        properties.putAll(KafkaClientSettings.fromConfig());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(properties)) {
            List<PartitionInfo> infos = reader.partitionsFor(config.deadLetterTopic(), READ_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> reader.position(p, READ_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the dead-letter topic could not be read in time");
                }
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    String redriveOf = header(record, REDRIVE_OF);
                    if (redriveOf != null) {
                        redrives.put(redriveOf, Instant.parse(header(record, DeadLetterHeaders.FAILED_AT)));
                    } else {
                        // A store that lost its data replays its topics and may dead-letter a record again: list
                        // each failure of a record once, as first dead-lettered (a redriven record that fails again
                        // is a failure of its own, told apart by the letter it was redriven from).
                        DeadLetter letter = toLetter(record);
                        String origin = letter.consumer() + "|" + letter.topic() + "|" + letter.partition() + "|"
                                + letter.offset() + "|" + header(record, DeadLetterHeaders.REDRIVEN_FROM);
                        // Only what the filter may keep is held in memory (it is asked again once redrives are known).
                        if (seen.add(origin) && filter.test(letter)) {
                            letters.put(letter.id(), new Entry(letter, record));
                        }
                    }
                }
            }
        }
        List<Entry> result = new ArrayList<>();
        for (Entry entry : letters.values()) {
            Instant redrivenAt = redrives.get(entry.letter().id());
            Entry current = redrivenAt == null ? entry : new Entry(entry.letter().redriven(redrivenAt), entry.record());
            if (filter.test(current.letter())) {
                result.add(current);
            }
        }
        return result;
    }

    private static DeadLetter toLetter(ConsumerRecord<byte[], byte[]> record) {
        String failedAt = header(record, DeadLetterHeaders.FAILED_AT);
        String partition = header(record, DeadLetterHeaders.PARTITION);
        String offset = header(record, DeadLetterHeaders.OFFSET);
        String tenant = header(record, DeadLetterHeaders.TENANT);
        return new DeadLetter(record.partition() + "-" + record.offset(),
                header(record, DeadLetterHeaders.CONSUMER),
                tenant == null ? DeadLetterHeaders.UNKNOWN_TENANT : tenant,
                header(record, DeadLetterHeaders.TOPIC),
                partition == null ? -1 : Integer.parseInt(partition),
                offset == null ? -1 : Long.parseLong(offset),
                header(record, "ce_id"),
                header(record, "ce_type"),
                header(record, DeadLetterHeaders.ERROR),
                failedAt == null ? null : Instant.parse(failedAt),
                record.value() == null ? 0 : record.value().length,
                null);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return RedrivenRecords.header(record, name).orElse(null);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private record Entry(DeadLetter letter, ConsumerRecord<byte[], byte[]> record) {
    }
}
