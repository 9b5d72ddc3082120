package io.hearken.survey.domain;

/**
 * Where a survey is in its life: a {@code DRAFT} has never been published; {@code ACTIVE} takes responses;
 * {@code PAUSED} takes none for now; {@code CLOSED} takes none ever again.
 */
public enum SurveyStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    CLOSED
}
