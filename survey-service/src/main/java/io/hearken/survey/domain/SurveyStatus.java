package io.hearken.survey.domain;

/** Whether a survey takes responses. */
public enum SurveyStatus {
    ACTIVE,
    CLOSED
}
