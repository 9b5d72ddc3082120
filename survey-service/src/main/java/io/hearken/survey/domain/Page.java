package io.hearken.survey.domain;

import java.util.List;
import java.util.Map;

/** A page (block) of questions shown together; {@code showIf} skips the whole page unless earlier answers meet it. */
public record Page(String id, Map<String, String> title, Condition showIf, Boolean randomiseQuestions,
                   List<Question> questions) {
}
