package io.hearken.common.events;

/** CloudEvent {@code type} values; a breaking change to a payload gets a new version suffix. */
public final class EventTypes {

    public static final String RESPONSE_SUBMITTED = "hearken.response.submitted.v1";
    public static final String SURVEY_PUBLISHED = "hearken.survey.published.v1";

    /** CloudEvent extension attribute that carries the tenant (workspace) an event belongs to. */
    public static final String TENANT_EXTENSION = "tenant";

    private EventTypes() {
    }
}
