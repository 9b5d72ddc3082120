package io.hearken.survey.domain;

import java.util.Map;
import java.util.Optional;

/**
 * A respondent's submission as the domain sees it, from any channel: the answers keyed by question id (the JSON
 * value each kind takes), checked against the survey version answered by {@link SurveyVersion#respond}.
 * {@code surveyVersion} is the version the respondent was shown (null: the current one); {@code touchpoint} and
 * {@code journeyStage}, when given, override the survey's own.
 */
public record SubmitResponse(String surveyId, Integer surveyVersion, Optional<IdempotencyKey> idempotencyKey,
                             String channel, String language, String touchpoint, String journeyStage,
                             Respondent respondent, Map<String, Object> answers) {
}
