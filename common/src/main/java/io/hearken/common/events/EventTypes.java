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

    /** CloudEvent extension attribute that carries the tenant (workspace) an event belongs to. */
    public static final String TENANT_EXTENSION = "tenant";

    private EventTypes() {
    }
}
