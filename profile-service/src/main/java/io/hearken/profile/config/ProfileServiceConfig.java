package io.hearken.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Set;

/** profile-service's own settings ({@code hearken.profiles.*}). */
@ConfigMapping(prefix = "hearken.profiles")
public interface ProfileServiceConfig {

    Outbox outbox();

    Contact contact();

    Import importing();

    /**
     * Lanes the timeline consumer spreads a batch over by customer, applied side by side (each one customer's
     * events in order); about the database pool's size over two.
     */
    @WithDefault("8")
    int timelineLanes();

    /** The relay that appends profile events from the outbox to Kafka. */
    interface Outbox {
        /** Off only in tests that read the outbox themselves. */
        @WithDefault("true")
        boolean enabled();

        /** How long the relay waits when the outbox is empty: the longest an event waits to be appended. */
        @WithDefault("100ms")
        Duration pollInterval();
    }

    /** The contact check's defaults; a tenant sets its own cap through the API. */
    interface Contact {
        /** Invitations per customer in {@link #defaultPerDays()} days, across all surveys and channels. */
        @WithDefault("1")
        int defaultMaxContacts();

        @WithDefault("30")
        int defaultPerDays();

        /**
         * Purposes a customer may be contacted for without having said yes (they can still opt out): asking about a
         * service they used. Marketing always needs a yes.
         */
        @WithDefault("surveys")
        Set<String> impliedPurposes();
    }

    /** Bulk import of customers. */
    interface Import {
        @WithDefault("100000")
        int maxLines();
    }
}
