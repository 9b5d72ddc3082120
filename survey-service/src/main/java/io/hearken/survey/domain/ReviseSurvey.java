package io.hearken.survey.domain;

/**
 * A new draft of an existing survey (the name may change with it). {@code expectedRevision}, when given, is the
 * revision the designer edited: if the survey has changed since, the revision is refused rather than overwriting.
 */
public record ReviseSurvey(String name, SurveyContent content, Long expectedRevision) {
}
