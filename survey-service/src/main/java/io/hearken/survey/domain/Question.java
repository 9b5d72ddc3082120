package io.hearken.survey.domain;

import java.util.Map;

/** One question of a survey; {@code text} holds the wording per language tag (en, ja, zh, ...). */
public record Question(String id, QuestionType type, boolean required, Map<String, String> text) {
}
