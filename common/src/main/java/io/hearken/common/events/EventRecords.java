package io.hearken.common.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hearken.common.consumer.PermanentEventFailure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads the data of a CloudEvent record (binary mode: attributes in {@code ce_*} headers, JSON data in the value)
 * and refuses, as a {@link PermanentEventFailure}, what no consumer could ever apply: a type or version it does not
 * know, a value that is not the JSON of the type, or an event that breaks the contract.
 */
public final class EventRecords {

    /**
     * Tolerant on purpose (unlike request bodies): a consumer must still read an event that a newer producer
     * extended with a field, and an event's text is judged by the store that takes it, not here.
     */
    private static final ObjectMapper READER = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventRecords() {
    }

    /** The reader events are read with; for tools that inspect a record's data. */
    public static ObjectMapper reader() {
        return READER;
    }

    /** The CloudEvent type of a record, or null if it carries none. */
    public static String type(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader("ce_type");
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The record's CloudEvent id ({@code ce_id}), or null when it has none. */
    public static String id(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader("ce_id");
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Reads the record's data as {@code dataType}, if its CloudEvent type is one of {@code knownTypes}. A record
     * without a type attribute is read as the topic's only type (records written before types were checked).
     */
    public static <T> T read(ConsumerRecord<byte[], byte[]> record, Class<T> dataType, Set<String> knownTypes) {
        String type = type(record);
        if (type != null && !knownTypes.contains(type)) {
            throw new PermanentEventFailure("unknown event type " + type + " (this consumer reads " + knownTypes + ")");
        }
        if (record.value() == null) {
            throw new PermanentEventFailure("no data");
        }
        try {
            return READER.readValue(record.value(), dataType);
        } catch (IOException e) {
            throw new PermanentEventFailure("data is not a readable " + dataType.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Reads a {@code hearken.feedback.received.v1} record and checks it against the contract. */
    public static FeedbackReceived readFeedback(ConsumerRecord<byte[], byte[]> record) {
        FeedbackReceived event = read(record, FeedbackReceived.class, Set.of(EventTypes.FEEDBACK_RECEIVED));
        if (event == null) {
            throw new PermanentEventFailure("data is null");
        }
        event.invalidity().ifPresent(reason -> {
            throw new PermanentEventFailure("feedback event " + event.feedbackId() + " breaks the contract: "
                    + reason);
        });
        return event;
    }

    /**
     * Reads a response record of either version ({@code hearken.response.submitted.v2}, or a v1 record completed
     * to the v2 shape) and checks it against the contract. A record without a type is a v1 record (the first
     * producer wrote none).
     */
    public static ResponseSubmitted readResponse(ConsumerRecord<byte[], byte[]> record) {
        ResponseSubmitted read = read(record, ResponseSubmitted.class,
                Set.of(EventTypes.RESPONSE_SUBMITTED, EventTypes.RESPONSE_SUBMITTED_V1));
        if (read == null) {
            throw new PermanentEventFailure("data is null");
        }
        ResponseSubmitted event = EventTypes.RESPONSE_SUBMITTED.equals(type(record)) ? read : read.fromVersion1();
        event.invalidity().ifPresent(reason -> {
            throw new PermanentEventFailure("response event " + event.responseId() + " breaks the contract: " + reason);
        });
        return event;
    }

    /**
     * Reads a {@code hearken.profile.erased.v1} record of {@link Topics#PROFILES}; the topic's other types (changes,
     * merges, receipts) are null, which a consumer skips.
     */
    public static ProfileErased readErasure(ConsumerRecord<byte[], byte[]> record) {
        if (!EventTypes.PROFILE_ERASED.equals(type(record))) {
            return null;
        }
        ProfileErased event = read(record, ProfileErased.class, Set.of(EventTypes.PROFILE_ERASED));
        if (event == null) {
            throw new PermanentEventFailure("data is null");
        }
        event.invalidity().ifPresent(reason -> {
            throw new PermanentEventFailure("erasure event breaks the contract: " + reason);
        });
        return event;
    }

    /** Reads a {@code hearken.profile.erasure.completed.v1} receipt; the topic's other types are null. */
    public static ErasureCompleted readErasureReceipt(ConsumerRecord<byte[], byte[]> record) {
        if (!EventTypes.PROFILE_ERASURE_COMPLETED.equals(type(record))) {
            return null;
        }
        ErasureCompleted receipt = read(record, ErasureCompleted.class,
                Set.of(EventTypes.PROFILE_ERASURE_COMPLETED));
        if (receipt == null || receipt.erasureId() == null || receipt.service() == null || receipt.tenant() == null) {
            throw new PermanentEventFailure("erasure receipt without erasureId, tenant or service");
        }
        return receipt;
    }
}
