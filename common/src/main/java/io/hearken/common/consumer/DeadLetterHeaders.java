package io.hearken.common.consumer;

/**
 * Headers a dead letter carries besides the original record's own (key, value and headers are kept byte for byte),
 * so that an operator can tell what failed, where and why, and redrive it.
 */
public final class DeadLetterHeaders {

    /** Every header the dead-letter mechanism writes starts with this. */
    public static final String PREFIX = "hearken-dl-";
    public static final String CONSUMER = "hearken-dl-consumer";
    public static final String TOPIC = "hearken-dl-topic";
    public static final String PARTITION = "hearken-dl-partition";
    public static final String OFFSET = "hearken-dl-offset";
    public static final String ERROR = "hearken-dl-error";
    public static final String FAILED_AT = "hearken-dl-failed-at";
    public static final String TENANT = "hearken-dl-tenant";
    /** On a redriven copy of a record: the dead letter it came from (topic-partition@offset of the dead letter). */
    public static final String REDRIVEN_FROM = "hearken-dl-redriven-from";

    /** The tenant of a record whose tenant could not be read. */
    public static final String UNKNOWN_TENANT = "unknown";

    private DeadLetterHeaders() {
    }
}
