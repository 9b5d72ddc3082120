package io.hearken.survey.rest;

import io.hearken.common.validation.MaxUtf8Bytes;
import io.hearken.survey.domain.IdempotencyKey;
import io.hearken.survey.domain.SubmitResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Body of a response submission, the same for every channel. {@code answers} maps question id to the answer in
 * the shape its kind takes (a number for scales, a string for text, option ids for choices, ...);
 * {@code surveyVersion} names the version the respondent was shown (default: the latest); {@code context} carries
 * what the channel knows of the moment (chat: conversationId, agentId; voice: callId, queue, ivrNode), at most 20
 * short texts. {@code answeredAt} is when an offline device recorded the answers (default: now). {@code key} is a
 * line's own idempotency key in a batch upload (a single submission sends the Idempotency-Key header instead).
 * {@code invitation} is the token of the invitation link answered: the response is then the invited customer's.
 * {@code complete: false} saves progress (required questions may wait), resumed and completed under the same
 * Idempotency-Key or invitation.
 */
public record SubmitResponseRequest(
        @Size(max = 32) String channel,
        Integer surveyVersion,
        @Pattern(regexp = LANGUAGE_TAG, message = "must be a language tag such as en, ja, zh-TW or zh-CN")
        String language,
        @Size(max = 64) String touchpoint,
        @Size(max = 32) String journeyStage,
        @Valid Respondent respondent,
        @NotNull @Size(max = 200) Map<String, Object> answers,
        Map<String, String> context,
        Instant answeredAt,
        @Size(max = 128) String key,
        @Size(max = 2048) String invitation,
        Boolean complete) {

    static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}";

    /** The domain's command for this request to survey {@code surveyId}. */
    SubmitResponse toCommand(String surveyId, Optional<IdempotencyKey> idempotencyKey) {
        return toCommand(surveyId, idempotencyKey, channel);
    }

    SubmitResponse toCommand(String surveyId, Optional<IdempotencyKey> idempotencyKey, String channelName) {
        return new SubmitResponse(surveyId, surveyVersion, idempotencyKey, channelName, language, touchpoint,
                journeyStage, respondent == null ? null : respondent.toDomain(), answers, context, answeredAt, null,
                Boolean.FALSE.equals(complete));
    }

    /** Who answered; all optional, so anonymous feedback is possible. */
    public record Respondent(
            @Email @MaxUtf8Bytes(254) String email,
            @Pattern(regexp = "\\+?[0-9 ()-]{5,20}", message = "must be a phone number") String phone,
            @MaxUtf8Bytes(128) String customerId) {

        // The domain type has the same name as this request record, hence the qualified name.
        io.hearken.survey.domain.Respondent toDomain() {
            return io.hearken.survey.domain.Respondent.claimed(email, phone, customerId);
        }
    }
}
