package io.hearken.survey.domain;

/** One accepted answer: a {@code score} for scale questions, a {@code text} for free text. */
public record Answer(String questionId, QuestionType type, Integer score, String text) {
}
