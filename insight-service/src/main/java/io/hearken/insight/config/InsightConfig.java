package io.hearken.insight.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** Settings of insight-service beyond the Quarkus ones ({@code hearken.insight.*} in application.properties). */
@ConfigMapping(prefix = "hearken.insight")
public interface InsightConfig {

    /** How erasures are acknowledged. */
    Erasures erasures();

    /** How scores are bucketed. */
    Scores scores();

    interface Erasures {
        /**
         * Longest wait for the broker to acknowledge an erasure's receipt; past it the erasure is applied and its
         * receipt sent again, later, rather than passed over.
         */
        @WithDefault("15s")
        Duration receiptTimeout();
    }

    interface Scores {
        /**
         * The time zone of each tenant (IANA id, {@code hearken.insight.scores.time-zones."acme"=Europe/Paris}):
         * days, weeks and months of scores are the tenant's local ones. Answers are bucketed as they are counted, so
         * changing a tenant's zone takes a rebuild of the rollups (docs/reliability.md) to apply to the past.
         */
        Map<String, ZoneId> timeZones();

        /** The time zone of a tenant not listed in {@link #timeZones()}. */
        @WithDefault("UTC")
        ZoneId defaultTimeZone();
    }
}
