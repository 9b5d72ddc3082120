package io.hearken.survey.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.problem.ProblemException;
import io.hearken.common.problem.ProblemExceptionMappers;
import io.hearken.survey.domain.Channel;
import io.hearken.survey.domain.Ending;
import io.hearken.survey.domain.IdempotencyKey;
import io.hearken.survey.domain.Page;
import io.hearken.survey.domain.SubmitResponse;
import io.hearken.survey.domain.SurveyContent;
import io.hearken.survey.domain.SurveyStatus;
import io.hearken.survey.domain.SurveyVersion;
import io.hearken.survey.service.Batches;
import io.hearken.survey.service.InvitationService;
import io.hearken.survey.service.ResponseService;
import io.hearken.survey.service.SurveyCatalog;
import io.smallrye.mutiny.Uni;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What respondents reach without logging in: a survey to render, and the submission of a response. Every channel
 * (web, in-app, email, SMS, kiosk, chat, call centre, ...) submits through the same call.
 */
@Path("/v1/public/surveys/{surveyId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Respondents")
public class PublicSurveyResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String NDJSON = "application/x-ndjson";
    static final int MAX_BATCH_LINES = 1000;

    private final SurveyCatalog catalog;
    private final ResponseService responses;
    private final ObjectMapper json;
    private final Validator validator;
    private final InvitationService invitations;

    public PublicSurveyResource(SurveyCatalog catalog, ResponseService responses, ObjectMapper json,
                                Validator validator, InvitationService invitations) {
        this.invitations = invitations;
        this.catalog = catalog;
        this.responses = responses;
        this.json = json;
        this.validator = validator;
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
        if (request.key() != null) {
            throw ProblemException.invalidField("key", "belongs to batch lines; send the Idempotency-Key header");
        }
        Optional<IdempotencyKey> key = Optional.ofNullable(idempotencyKey).map(IdempotencyKey::new);
        SubmitResponse command = request.toCommand(surveyId, key);
        return (request.invitation() == null ? responses.submit(command)
                : responses.submitInvited(command, request.invitation()))
                .map(submission -> {
                    var response = submission.response();
                    Response.ResponseBuilder answer = submission.screenedOut()
                            ? Response.ok(SubmissionReceipt.of(submission))
                            : Response.accepted(SubmissionReceipt.of(submission));
                    if (submission.replayed()) {
                        answer.header("Idempotent-Replayed", "true");
                    }
                    return answer.build();
                });
    }

    @GET
    @Path("/responses/progress")
    @Operation(summary = "Resume saved progress",
            description = "The answers saved with complete: false under this Idempotency-Key (or invitation): 404 when "
                    + "none are saved, 409 once the response is complete. Complete it by submitting under the same "
                    + "key.")
    public Uni<SavedProgress> progress(@PathParam("surveyId") String surveyId,
                                       @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                                       @QueryParam("invitation") String invitation) {
        if (invitation == null && (idempotencyKey == null || !IdempotencyKey.isValid(idempotencyKey))) {
            throw ProblemException.invalidField(IDEMPOTENCY_KEY, IdempotencyKey.RULE);
        }
        Uni<IdempotencyKey> key = invitation == null ? Uni.createFrom().item(new IdempotencyKey(idempotencyKey))
                : invitations.resolve(invitation).map(tracked -> tracked.invitation().idempotencyKey());
        return key.chain(resumeBy -> catalog.find(surveyId)
                        .map(found -> found.orElseThrow(() -> ProblemException.notFound("Survey", surveyId)))
                        .chain(survey -> responses.progress(survey, Optional.of(resumeBy))))
                .map(SavedProgress::of);
    }

    /** Saved progress as the respondent's page resumes it. */
    public record SavedProgress(String responseId, int surveyVersion, String language,
                                List<ResponseView.AnswerView> answers, Instant savedAt) {

        // The domain type has the same name as JAX-RS's Response, hence the qualified name.
        static SavedProgress of(io.hearken.survey.domain.Response saved) {
            return new SavedProgress(saved.id(), saved.surveyVersion(), saved.language(),
                    saved.answers().stream().map(ResponseView.AnswerView::of).toList(), saved.submittedAt());
        }
    }

    @POST
    @Path("/responses/batch")
    @Consumes({NDJSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Upload responses an offline device (a kiosk) recorded",
            description = "NDJSON: one submission per line (as the single endpoint takes it, channel 'kiosk' by "
                    + "default) with answeredAt, the time it was answered, and optionally key, the line's own "
                    + "idempotency key (default: derived from the line's exact content). Each line is kept, found a "
                    + "duplicate (an upload sent again is kept once), or refused on its own; the report says which. "
                    + "At most " + MAX_BATCH_LINES + " lines.")
    public Uni<BatchReport> submitBatch(@PathParam("surveyId") String surveyId, String body) {
        List<BatchReport.Item> refused = new ArrayList<>();
        List<Numbered> lines = new ArrayList<>();
        String[] raw = body == null ? new String[0] : body.split("\n", -1);
        for (int index = 0; index < raw.length; index++) {
            String line = raw[index].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (lines.size() + refused.size() == MAX_BATCH_LINES) {
                throw ProblemException.invalidField("body", "must have at most " + MAX_BATCH_LINES
                        + " lines; split the upload");
            }
            try {
                lines.add(new Numbered(index + 1, batchLine(surveyId, line)));
            } catch (JsonProcessingException | ConstraintViolationException | ProblemException e) {
                ProblemException problem = ProblemExceptionMappers.describe(e).orElseThrow();
                refused.add(BatchReport.refused(index + 1, problem.getMessage(), problem.errors()));
            }
        }
        if (lines.isEmpty() && refused.isEmpty()) {
            throw ProblemException.invalidField("body", "must have at least one line");
        }
        return Batches.each(lines, line -> responses.submit(line.command()))
                .map(outcomes -> BatchReport.of(refused, IntStream.range(0, outcomes.size())
                                .mapToObj(index -> new BatchReport.Numbered<>(lines.get(index).number(),
                                        outcomes.get(index)))
                                .toList(),
                        submission -> submission.response().id(), ResponseService.Submission::replayed));
    }

    private record Numbered(int number, SubmitResponse command) {
    }

    /** One line of an upload as a command, or the reason it is unreadable or invalid. */
    private SubmitResponse batchLine(String surveyId, String line) throws JsonProcessingException {
        SubmitResponseRequest request = json.readValue(line, SubmitResponseRequest.class);
        Set<ConstraintViolation<SubmitResponseRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (request.key() != null && !IdempotencyKey.isValid(request.key())) {
            throw ProblemException.invalidField("key", IdempotencyKey.RULE);
        }
        IdempotencyKey key = request.key() != null ? new IdempotencyKey(request.key()) : IdempotencyKey.ofContent(line);
        return request.toCommand(surveyId, Optional.of(key),
                request.channel() == null ? Channel.KIOSK.wireName() : request.channel());
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
            return new SubmissionReceipt(submission.screenedOut() ? null : response.id(), response.surveyId(),
                    response.surveyVersion(), submission.screenedOut() ? "screened-out" : "accepted",
                    response.submittedAt(), closing == null ? null : new Closing(closing.endingId(), closing.text()));
        }
    }
}
