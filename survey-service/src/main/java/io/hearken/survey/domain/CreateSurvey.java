package io.hearken.survey.domain;

/** A new survey as its designer describes it; {@code publish} also publishes it as version 1 at once. */
public record CreateSurvey(String tenant, String name, SurveyContent content, boolean publish) {
}
