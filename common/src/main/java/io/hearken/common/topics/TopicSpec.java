package io.hearken.common.topics;

import java.time.Duration;
import java.util.Optional;

/** What a topic must look like: partitions, how long records stay (empty: for ever) and its cleanup policy. */
public record TopicSpec(String name, int partitions, Optional<Duration> retention, String cleanupPolicy) {

    /** retention.ms as Kafka spells it: -1 for ever. */
    public String retentionMs() {
        return retention.map(duration -> String.valueOf(duration.toMillis())).orElse("-1");
    }
}
