package io.hearken.insight.config;

import io.hearken.insight.domain.Priority;
import io.hearken.insight.domain.SlaPolicy;
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

    /** Follow-up cases: their SLA per priority and the escalation sweep. */
    Cases cases();

    /** The outbox of events committed with their change (case resolutions, churn risk) and its relay. */
    Outbox outbox();

    interface Outbox {
        /**
         * How often the relay looks for events to append; also read by its schedule
         * ({@code hearken.insight.outbox.relay-interval}). The longest an event waits after its commit, normally.
         */
        @WithDefault("1s")
        Duration relayInterval();

        /** Most events appended in one round of acknowledgements. */
        @WithDefault("200")
        int batchSize();
    }

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

        /**
         * How often score-drop rules compare the last whole period with the one before (each period is judged once:
         * its alert's id is the period's); also read by the check's schedule.
         */
        @WithDefault("15m")
        Duration dropCheckInterval();

        /**
         * Most counts kept of what settled buckets sum to (repository.SettledCounts; a count is one value of one
         * question in one bucket or sum, a few dozen bytes): the least recently asked go first. 0 keeps none, and
         * every query reads all its buckets from PostgreSQL.
         */
        @WithDefault("200000")
        int settledCountsKept();
    }

    interface Cases {
        /** Time to resolve an URGENT case. */
        @WithDefault("4h")
        Duration urgentSla();

        /** Time to resolve a HIGH case. */
        @WithDefault("24h")
        Duration highSla();

        /** Time to resolve a MEDIUM case. */
        @WithDefault("72h")
        Duration mediumSla();

        /** Time to resolve a LOW case. */
        @WithDefault("7d")
        Duration lowSla();

        /**
         * How often overdue cases are looked for and escalated; also read by the sweep's schedule
         * ({@code hearken.insight.cases.sweep-interval}).
         */
        @WithDefault("60s")
        Duration sweepInterval();

        /** Longest wait for the broker to acknowledge an alert's announcement before the batch is retried. */
        @WithDefault("15s")
        Duration announceTimeout();

        /** The SLA these settings make, checked by the domain (positive, no more time for a higher priority). */
        default SlaPolicy sla() {
            return new SlaPolicy(Map.of(Priority.URGENT, urgentSla(), Priority.HIGH, highSla(), Priority.MEDIUM,
                    mediumSla(), Priority.LOW, lowSla()));
        }
    }
}
