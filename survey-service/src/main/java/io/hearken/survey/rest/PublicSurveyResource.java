package io.hearken.survey.rest;

import io.hearken.survey.domain.IdempotencyKey;
import io.hearken.survey.domain.Survey;
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
    @Operation(summary = "Get a survey to render it", description = "Only active surveys; texts in every language.")
    public Uni<PublicSurvey> get(@PathParam("surveyId") String surveyId) {
        return catalog.find(surveyId).map(found -> found
                .filter(Survey::takesResponses)
                .map(survey -> new PublicSurvey(survey.id(), survey.title(), survey.defaultLanguage(),
                        survey.questions().stream().map(question -> new PublicSurvey.PublicQuestion(question.id(),
                                question.type().name(), question.required(), question.text())).toList()))
                .orElseThrow(() -> ProblemException.notFound("Survey", surveyId)));
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
                    Response.ResponseBuilder answer = Response.accepted(new SubmissionReceipt(response.id(),
                            response.surveyId(), "accepted", response.submittedAt()));
                    if (submission.replayed()) {
                        answer.header("Idempotent-Replayed", "true");
                    }
                    return answer.build();
                });
    }

    /** The survey as a respondent's client renders it. */
    public record PublicSurvey(String id, Map<String, String> title, String defaultLanguage,
                               List<PublicQuestion> questions) {
        public record PublicQuestion(String id, String type, boolean required, Map<String, String> text) {
        }
    }

    /** What a respondent's client gets back: the id under which the response is kept. */
    public record SubmissionReceipt(String id, String surveyId, String status, Instant submittedAt) {
    }
}
