package io.hearken.common.events;

/** Kafka topics Hearken's services exchange events on; documented in docs/events.md. */
public final class Topics {

    /** Every accepted response, keyed by response id. The record of truth for responses: retained, replayable. */
    public static final String RESPONSES = "hearken.responses";

    /** The latest definition of every survey, keyed by survey id; compacted. */
    public static final String SURVEYS = "hearken.surveys";

    /** Unsolicited feedback (reviews, social posts, tickets), keyed by feedback id. Retained, replayable. */
    public static final String FEEDBACK = "hearken.feedback";

    /** Survey invitations and their status, keyed by invitation id. The schedule of record for sending. */
    public static final String INVITATIONS = "hearken.invitations";

    /**
     * What happens to customer profiles (changed, merged, erased) and the services' receipts for an erasure, keyed
     * by profile id. Retained: an erasure must reach a projection rebuilt from the beginning.
     */
    public static final String PROFILES = "hearken.profiles";

    /**
     * What insight-service concludes about customers: alerts raised and cases resolved (keyed by follow-up case id)
     * and churn risk assessments (keyed by customer key). Retained: a notifier or a CRM connector started later reads
     * every one from the beginning.
     */
    public static final String ALERTS = "hearken.alerts";

    private Topics() {
    }
}
