package io.hearken.common.events;

/** CloudEvent {@code type} values; a breaking change to a payload gets a new version suffix. */
public final class EventTypes {

    /** A response with typed answers for every question kind; what survey-service writes now. */
    public static final String RESPONSE_SUBMITTED = "hearken.response.submitted.v2";
    /** The first response contract (NPS, CSAT, CES and text answers); still read, never written any more. */
    public static final String RESPONSE_SUBMITTED_V1 = "hearken.response.submitted.v1";
    /** The state of a survey (status, draft, latest version number); keyed by survey id. */
    public static final String SURVEY_CHANGED = "hearken.survey.changed.v1";
    /** One published, immutable version of a survey's content; keyed by survey id and version. */
    public static final String SURVEY_VERSION_PUBLISHED = "hearken.survey.version.published.v1";
    /** The first survey contract (one active definition per survey); still read, never written any more. */
    public static final String SURVEY_PUBLISHED_V1 = "hearken.survey.published.v1";

    /** Unsolicited feedback (a review, a social post, a support ticket) taken in without a survey. */
    public static final String FEEDBACK_RECEIVED = "hearken.feedback.received.v1";

    /** An invitation is kept and will be sent. */
    public static final String INVITATION_CREATED = "hearken.invitation.created.v1";
    /** An invitation's status moved (sent, skipped, failed, opened, completed). */
    public static final String INVITATION_UPDATED = "hearken.invitation.updated.v1";

    /** A profile was created or its identities, traits or consent changed (a thin notice: which, not the values). */
    public static final String PROFILE_CHANGED = "hearken.profile.changed.v1";
    /** Two profiles were found to be one customer; the merged one now answers with the survivor. */
    public static final String PROFILE_MERGED = "hearken.profile.merged.v1";
    /** A customer was erased: every service forgets what identifies them and says so with a receipt. */
    public static final String PROFILE_ERASED = "hearken.profile.erased.v1";
    /** One service's receipt for an erasure: what it removed or anonymised. */
    public static final String PROFILE_ERASURE_COMPLETED = "hearken.profile.erasure.completed.v1";

    /**
     * A customer's business outcome (a purchase, a renewal, a cancellation) that a partner put on their timeline,
     * with the NPS they last gave before it: what experience is measured against.
     */
    public static final String CUSTOMER_OUTCOME = "hearken.customer.outcome.v1";

    /**
     * A response was put on a customer's timeline; the saved segments the customer was in at that moment come with
     * it, so scores can be sliced by segment.
     */
    public static final String RESPONSE_ATTRIBUTED = "hearken.response.attributed.v1";

    /** A tenant's alert rule fired on a response: an alert was raised and its follow-up case opened. */
    public static final String ALERT_RAISED = "hearken.alert.raised.v1";
    /** A follow-up case was resolved with an outcome and a root cause; the case opened with its alert's raising. */
    public static final String CASE_RESOLVED = "hearken.case.resolved.v1";
    /** A customer's churn risk was assessed again and its score or band changed; the reasons come with it. */
    public static final String CUSTOMER_CHURN_RISK = "hearken.customer.churn-risk.v1";

    /** CloudEvent extension attribute that carries the tenant (workspace) an event belongs to. */
    public static final String TENANT_EXTENSION = "tenant";
    /**
     * CloudEvent extension attribute that carries the {@code X-Request-Id} of the API request that caused an event
     * (absent when none did): the same id in the gateway's, the service's and the consumers' log lines.
     */
    public static final String REQUEST_ID_EXTENSION = "requestid";

    private EventTypes() {
    }
}
