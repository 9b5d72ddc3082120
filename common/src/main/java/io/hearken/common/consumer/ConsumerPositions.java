package io.hearken.common.consumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where a consumer keeps the position it resumes from: the next offset of each partition whose records are applied.
 *
 * <p>The default is the consumer group's committed offsets in Kafka, committed after the store's transaction. A
 * consumer whose store cannot share a transaction with Kafka but can hold the position next to its data (the
 * MongoDB projection) keeps it there instead, written after the data it covers, so the position never runs ahead of
 * what the store made durable.
 */
public interface ConsumerPositions {

    /** The next offset to read of each partition; a partition without one is read from its beginning. */
    Map<TopicPartition, Long> load(Consumer<?, ?> consumer, Set<TopicPartition> partitions);

    /** Records that everything before these offsets is applied durably. */
    void save(Consumer<?, ?> consumer, Map<TopicPartition, Long> nextOffsets);

    /**
     * Whether the store may have lost writes since the positions were loaded (it was seen unreachable): the consumer
     * then re-reads from the positions the store holds now, even if nothing failed and no record is waiting.
     */
    default boolean mayHaveLostWrites() {
        return false;
    }

    /** Whether {@link #load} must be applied when partitions are assigned (Kafka does that itself for its own). */
    default boolean seekOnAssignment() {
        return true;
    }

    /** The consumer group's committed offsets. */
    ConsumerPositions KAFKA_COMMITTED = new ConsumerPositions() {
        @Override
        public Map<TopicPartition, Long> load(Consumer<?, ?> consumer, Set<TopicPartition> partitions) {
            Map<TopicPartition, Long> positions = new HashMap<>();
            consumer.committed(partitions, Duration.ofSeconds(10)).forEach((partition, committed) -> {
                if (committed != null) {
                    positions.put(partition, committed.offset());
                }
            });
            return positions;
        }

        @Override
        public void save(Consumer<?, ?> consumer, Map<TopicPartition, Long> nextOffsets) {
            consumer.commitSync(toKafka(nextOffsets));
        }

        @Override
        public boolean seekOnAssignment() {
            return false;
        }
    };

    static Map<TopicPartition, OffsetAndMetadata> toKafka(Map<TopicPartition, Long> nextOffsets) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffsets.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        return offsets;
    }
}
