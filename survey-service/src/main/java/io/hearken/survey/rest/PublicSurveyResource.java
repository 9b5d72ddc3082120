package io.hearken.survey.rest;

import io.hearken.survey.domain.IdempotencyKey;
import io.hearken.survey.domain.Ending;
import io.hearken.survey.domain.Page;
import io.hearken.survey.domain.SurveyContent;
import io.hearken.survey.domain.SurveyStatus;
import io.hearken.survey.domain.SurveyVersion;
import io.hearken.survey.service.ResponseService;
import io.hearken.survey.service.SurveyCatalog;
import io.hearken.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What respondents reach without logging in: a survey to render, and the submission of a response. Every channel
 * (web, in-app, email, SMS, kiosk, chat, call centre, ...) submits through the same call.
 */
@Path("/v1/public/surveys/{surveyId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Respondents")
public class PublicSurveyResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final SurveyCatalog catalog;
    private final ResponseService responses;

    public PublicSurveyResource(SurveyCatalog catalog, ResponseService responses) {
        this.catalog = catalog;
        this.responses = responses;
    }

    @GET
    @Operation(summary = "Get a survey to render it",
            description = "The latest published version of an active survey, texts in every language it offers; "
                    + "send its version back with the response. A paused or closed survey is 409 with the reason.")
    public Uni<PublicSurvey> get(@PathParam("surveyId") String surveyId) {
        return catalog.find(surveyId)
                .map(found -> found.filter(survey -> survey.status() != SurveyStatus.DRAFT)
                        .orElseThrow(() -> ProblemException.notFound("Survey", surveyId)))
                .chain(survey -> responses.versionAnswered(survey, null))
                .map(PublicSurvey::of);
    }

    @POST
    @Path("/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a response",
            description = "202 once the response is durably kept. Send an Idempotency-Key to make retries safe: "
                    + "the same key for the same survey is kept once and answers with the same id (with "
                    + "Idempotent-Replayed: true and the original receipt); the same key with a different response "
                    + "is 422, at any timing. A key is 16 to 128 characters from A-Z a-z 0-9 - _ . ~ (a random UUID "
                    + "qualifies).")
    public Uni<Response> submit(@PathParam("surveyId") String surveyId,
                                @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                                @Valid @NotNull SubmitResponseRequest request) {
        if (idempotencyKey != null && !IdempotencyKey.isValid(idempotencyKey)) {
            throw ProblemException.invalidField(IDEMPOTENCY_KEY, IdempotencyKey.RULE);
        }
        Optional<IdempotencyKey> key = Optional.ofNullable(idempotencyKey).map(IdempotencyKey::new);
        return responses.submit(request.toCommand(surveyId, key))
                .map(submission -> {
                    var response = submission.response();
                    Response.ResponseBuilder answer = Response.accepted(SubmissionReceipt.of(submission));
                    if (submission.replayed()) {
                        answer.header("Idempotent-Replayed", "true");
                    }
                    return answer.build();
                });
    }

    /** The survey as a respondent's client renders it: one published version's content. */
    public record PublicSurvey(String id, int version, Map<String, String> title, List<String> languages,
                               String defaultLanguage, List<Page> pages, List<Ending> endings) {

        static PublicSurvey of(SurveyVersion version) {
            SurveyContent content = version.content();
            return new PublicSurvey(version.surveyId(), version.version(), content.title(),
                    content.offeredLanguages(), content.language(), content.pages(), content.endings());
        }
    }

    /**
     * What a respondent's client gets back: the id under which the response is kept, the version it answered, and
     * the closing text its answers lead to, in the language it was answered in (absent when the survey has none).
     */
    public record SubmissionReceipt(String id, String surveyId, int surveyVersion, String status,
                                    Instant submittedAt, Closing closing) {

        /** The ending chosen for the response and its text. */
        public record Closing(String id, String text) {
        }

        static SubmissionReceipt of(ResponseService.Submission submission) {
            var response = submission.response();
            SurveyContent.Closing closing = submission.closing();
            return new SubmissionReceipt(response.id(), response.surveyId(), response.surveyVersion(), "accepted",
                    response.submittedAt(), closing == null ? null : new Closing(closing.endingId(), closing.text()));
        }
    }
}
