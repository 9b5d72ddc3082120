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
         * receipt sent again, later, rather than passed over.
         */
        @WithDefault("15s")
        Duration receiptTimeout();
    }
}
