package io.hearken.insight.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of insight-service beyond the Quarkus ones ({@code hearken.insight.*} in application.properties). */
@ConfigMapping(prefix = "hearken.insight")
public interface InsightConfig {

    /** How erasures are acknowledged. */
    Erasures erasures();

    interface Erasures {
        /**
         * Longest wait for the broker to acknowledge an erasure's receipt; past it the erasure is applied and its
         * receipt sent again, later, rather than passed over. More than 30 s: the appender's producer refuses to
         * start unless its delivery timeout (the larger of this and 30 s) exceeds Kafka's 30 s request timeout plus
         * its linger.
         */
        @WithDefault("35s")
        Duration receiptTimeout();
    }
}
