package io.hearken.common.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How every event consumer of a service retries, dead-letters and reports progress ({@code hearken.consumers.*}). */
@ConfigMapping(prefix = "hearken.consumers")
public interface EventConsumersConfig {

    /** Whether this instance runs its consumers (off only in tests of one layer). */
    @WithDefault("true")
    boolean enabled();

    /** Topic that receives every record a consumer could never apply, with why and where it came from. */
    @WithDefault("hearken.dead-letters")
    String deadLetterTopic();

    /** Partitions of the dead-letter topic. */
    @WithDefault("3")
    int deadLetterPartitions();

    /** How long dead letters are kept for a redrive; after that the broker deletes them. */
    @WithDefault("30d")
    Duration deadLetterRetention();

    /** How long a redriven record waits on its consumer's redrive topic. */
    @WithDefault("7d")
    Duration redriveRetention();

    /** A consumer that has records to apply but applied none for this long reports readiness DOWN. */
    @WithDefault("60s")
    Duration stallTimeout();

    /** First pause after a transient failure; it doubles with each failure in a row, up to {@link #maxBackoff()}. */
    @WithDefault("250ms")
    Duration initialBackoff();

    /** Longest pause between two attempts at the same records. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** Most records applied in one batch. */
    @WithDefault("500")
    int maxPollRecords();

    /** Longest wait for the broker to acknowledge a dead letter; past it the record is retried, not skipped. */
    @WithDefault("10s")
    Duration deadLetterTimeout();
}
