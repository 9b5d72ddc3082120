package io.hearken.survey.domain;

import java.util.Map;

/**
 * A closing text for one outcome ("sorry to hear that" for detractors, "please review us" for promoters). The first
 * ending whose {@code when} holds for the response is shown; an ending without a condition matches every response.
 */
public record Ending(String id, Condition when, Map<String, String> text) {
}
