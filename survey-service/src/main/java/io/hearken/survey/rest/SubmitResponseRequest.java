package io.hearken.survey.rest;

import io.hearken.common.validation.MaxUtf8Bytes;
import io.hearken.survey.domain.IdempotencyKey;
import io.hearken.survey.domain.SubmitResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Map;
import java.util.Optional;

/**
 * Body of a response submission, the same for every channel. {@code answers} maps question id to the answer:
 * a whole number for scale questions, a string for text.
 */
public record SubmitResponseRequest(
        @NotBlank String channel,
        @Pattern(regexp = CreateSurveyRequest.LANGUAGE_TAG, message = "must be a language tag such as en, ja or zh")
        String language,
        @Valid Respondent respondent,
        @NotNull Map<String, Object> answers) {

    /** The domain's command for this request to survey {@code surveyId}. */
    SubmitResponse toCommand(String surveyId, Optional<IdempotencyKey> idempotencyKey) {
        return new SubmitResponse(surveyId, idempotencyKey, channel, language,
                respondent == null ? null : respondent.toDomain(), answers);
    }

    /** Who answered; all optional, so anonymous feedback is possible. */
    public record Respondent(
            @Email @MaxUtf8Bytes(254) String email,
            @Pattern(regexp = "\\+?[0-9 ()-]{5,20}", message = "must be a phone number") String phone,
            @MaxUtf8Bytes(128) String customerId) {

        // The domain type has the same name as this request record, hence the qualified name.
        io.hearken.survey.domain.Respondent toDomain() {
            return new io.hearken.survey.domain.Respondent(email, phone, customerId);
        }
    }
}
