package io.hearken.common.topics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The topics a service writes, declared by the service itself ({@code hearken.topics.*}): created at start-up when
 * missing, checked when present. A topic that exists with other settings is logged and reported by readiness, never
 * silently accepted (a record of truth with a 7-day retention would quietly lose responses).
 */
@ConfigMapping(prefix = "hearken.topics")
public interface TopicsConfig {

    /** Whether this service creates and checks its topics (off where a platform team owns them). */
    @WithDefault("true")
    boolean manage();

    /** Copies of every partition; 3 on a production cluster. */
    @WithDefault("1")
    short replicationFactor();

    /** Copies that must have a record before it is acknowledged (acks=all); 2 on a production cluster. */
    @WithDefault("1")
    int minInsyncReplicas();

    /** The topics this service produces, by name (quote names with dots: {@code "hearken.responses"}). */
    Map<String, Topic> declared();

    /** One declared topic. */
    interface Topic {
        int partitions();

        /** How long records are kept; absent means for ever. */
        Optional<Duration> retention();

        /** {@code delete} or {@code compact}. */
        @WithDefault("delete")
        String cleanupPolicy();
    }
}
