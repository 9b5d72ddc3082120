package io.hearken.survey.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A respondent's submission as the domain sees it, from any channel: the answers keyed by question id (the JSON
 * value each kind takes), checked against the survey version answered by {@link SurveyVersion#respond}.
 * {@code surveyVersion} is the version the respondent was shown (null: the current one); {@code touchpoint} and
 * {@code journeyStage}, when given, override the survey's own. {@code context} is what the channel knows of the
 * moment (a chat's conversation id, a call's queue and agent); {@code answeredAt} the time an offline device
 * recorded the answers (null: now); {@code invitationId} the invitation it answers, if any; {@code partial} that
 * it saves progress to be resumed (required questions may still be unanswered).
 */
public record SubmitResponse(String surveyId, Integer surveyVersion, Optional<IdempotencyKey> idempotencyKey,
                             String channel, String language, String touchpoint, String journeyStage,
                             Respondent respondent, Map<String, Object> answers, Map<String, String> context,
                             Instant answeredAt, String invitationId, boolean partial) {

    /** A submission from a live channel: answered now, no context, no invitation. */
    public static SubmitResponse of(String surveyId, Optional<IdempotencyKey> key, String channel, String language,
                                    Respondent respondent, Map<String, Object> answers) {
        return new SubmitResponse(surveyId, null, key, channel, language, null, null, respondent, answers, null, null,
                null, false);
    }

    /** The same submission answering an invitation, by the respondent the invitation names. */
    public SubmitResponse answering(String invitation, Respondent invited, String invitedChannel) {
        return new SubmitResponse(surveyId, surveyVersion, idempotencyKey, invitedChannel, language, touchpoint,
                journeyStage, invited, answers, context, answeredAt, invitation, partial);
    }
}
