package io.hearken.survey.rest;

import io.hearken.common.validation.MaxUtf8Bytes;
import io.hearken.survey.domain.CreateSurvey;
import io.hearken.survey.domain.Question;
import io.hearken.survey.domain.QuestionType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/** Body of {@code POST /v1/surveys}. Texts are keyed by language tag; the default language must be among them. */
public record CreateSurveyRequest(
        @NotBlank @MaxUtf8Bytes(600) String name,
        @NotEmpty Map<@Pattern(regexp = LANGUAGE_TAG, message = "must be a language tag such as en, ja or zh-Hant")
                String, @NotBlank @MaxUtf8Bytes(1500) String> title,
        @Pattern(regexp = LANGUAGE_TAG, message = "must be a language tag such as en, ja or zh-Hant")
        String defaultLanguage,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid QuestionRequest> questions) {

    static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";

    /** The domain's command for this request, for {@code tenant}. */
    CreateSurvey toCommand(String tenant) {
        return new CreateSurvey(tenant, name, title, defaultLanguage, questions.stream()
                .map(question -> new Question(question.id(), question.type(), question.required(), question.text()))
                .toList());
    }

    /** One question as sent by the survey designer. */
    public record QuestionRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
                    message = "must be 1 to 64 letters, digits, '_' or '-'") String id,
            @NotNull QuestionType type,
            boolean required,
            @NotEmpty Map<@Pattern(regexp = LANGUAGE_TAG, message = "must be a language tag") String,
                    @NotBlank @MaxUtf8Bytes(3000) String> text) {
    }
}
