package io.hearken.survey.rest;

import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyContent;
import io.hearken.survey.domain.SurveyVersion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A survey definition exported to move it between tenants or installations: a format marker and the definition (as {@code POST /v1/surveys} takes it). Ids, status and versions stay behind: an import is a new survey.
 */
public record SurveyExport(
        @NotNull @Pattern(regexp = FORMAT, message = "must be '" + FORMAT + "'") String format,
        @Valid @NotNull SurveyDefinition definition) {

    static final String FORMAT = "hearken.survey/1";

    /** A problem with the definition's fields named where the export holds them ({@code definition.*}). */
    Throwable inCallersTerms(Throwable failure) {
        if (!(failure instanceof ProblemException problem)) {
            return failure;
        }
        return problem.withFieldsRenamed(field -> "definition." + field);
    }

    /** The draft when there is one (what the designer is working on), else the latest published version. */
    static SurveyExport of(Survey.Change change) {
        Survey survey = change.survey();
        SurveyContent content = survey.draft() != null ? survey.draft()
                : change.published().map(SurveyVersion::content).orElseThrow();
        return new SurveyExport(FORMAT, SurveyDefinition.of(survey.name(), content));
    }
}
