package io.hearken.survey.domain;

/** A rule a command breaks, named by the field of the command at fault ({@code answers.nps}, {@code channel}). */
public record FieldViolation(String field, String message) {
}
