package io.hearken.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of survey-service beyond the Quarkus ones ({@code hearken.survey.*} in application.properties). */
@ConfigMapping(prefix = "hearken.survey")
public interface SurveyServiceConfig {

    /** How submissions are acknowledged. */
    Journal journal();

    /** How MongoDB is kept in step with the topics. */
    Projection projection();

    /** How erasures are acknowledged. */
    Erasures erasures();

    /** How long a survey definition is served from memory before it is read again. */
    @WithDefault("30s")
    Duration surveyCacheTtl();

    interface Journal {
        /** Longest wait for the broker to acknowledge an event before the client gets 503. */
        @WithDefault("10s")
        Duration ackTimeout();

        /** The Retry-After a client gets when the broker is unreachable. */
        @WithDefault("2")
        int retryAfterSeconds();
    }

    interface Erasures {
        /**
         * Longest wait for the broker to acknowledge an erasure's receipt; past it the projector applies the
         * erasure and sends its receipt again, later, rather than move on without one.
         */
        @WithDefault("15s")
        Duration receiptTimeout();
    }

    interface Projection {
        /** Whether this instance keeps the MongoDB projections (off only in tests of one layer). */
        @WithDefault("true")
        boolean enabled();

    }
}
