package io.hearken.common.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Shows a handler a redriven record as the record it was: on its original topic, so a handler that tells its topics
 * apart needs to know nothing of redrives.
 */
final class RedrivenRecords<E> implements EventHandler<E> {

    private final EventHandler<E> handler;

    RedrivenRecords(EventHandler<E> handler) {
        this.handler = handler;
    }

    @Override
    public E read(ConsumerRecord<byte[], byte[]> record) {
        boolean redriven = record.topic().startsWith(EventConsumers.REDRIVE_TOPIC_PREFIX);
        return handler.read(redriven ? asOriginal(record) : record);
    }

    @Override
    public void apply(List<E> events) throws Exception {
        handler.apply(events);
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return handler.isPermanent(failure);
    }

    private static ConsumerRecord<byte[], byte[]> asOriginal(ConsumerRecord<byte[], byte[]> record) {
        String topic = header(record, DeadLetterHeaders.TOPIC).orElse(record.topic());
        return new ConsumerRecord<>(topic, record.partition(), record.offset(), record.timestamp(),
                TimestampType.CREATE_TIME, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, record.key(),
                record.value(), record.headers(), Optional.empty());
    }

    static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
