package io.hearken.survey.domain;

import java.util.List;
import java.util.Map;

/** A new survey as its designer describes it; texts keyed by language tag. */
public record CreateSurvey(String tenant, String name, Map<String, String> title, String defaultLanguage,
                           List<Question> questions) {
}
