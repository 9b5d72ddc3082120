package io.hearken.survey.domain;

import java.util.Map;
import java.util.Optional;

/**
 * A respondent's submission as the domain sees it, from any channel: the answers keyed by question id (a whole
 * number for scales, a string for text), checked against the survey by {@link Survey#respond}.
 */
public record SubmitResponse(String surveyId, Optional<IdempotencyKey> idempotencyKey, String channel,
                             String language, Respondent respondent, Map<String, Object> answers) {
}
