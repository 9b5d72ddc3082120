package io.hearken.survey.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.page.Page;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.Answer;
import io.hearken.survey.domain.Question;
import io.hearken.survey.domain.Response;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.repository.ResponseRepository;
import io.hearken.survey.service.ListingCursor;
import io.hearken.survey.service.ResponseService;
import io.hearken.survey.service.SurveyService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A survey's stored responses for its tenant: one by id, pages with filters and a total, and a streaming export
 * (CSV for spreadsheets, NDJSON for programs) whose memory does not grow with the number of responses.
 */
@Path("/v1/surveys/{surveyId}/responses")
@Tag(name = "Responses")
public class ResponseResource {

    static final String TOTAL = "X-Total-Count";

    private final SurveyService surveys;
    private final ResponseService responses;
    private final ObjectMapper json;

    public ResponseResource(SurveyService surveys, ResponseService responses, ObjectMapper json) {
        this.surveys = surveys;
        this.responses = responses;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the stored responses of a survey, oldest first",
            description = "Keyset pages like every list: {items, next}; pass 'next' as 'after' (or follow the Link "
                    + "header's rel=\"next\"). X-Total-Count counts every match of the filters. Filters: version, "
                    + "channel, completed (saved progress is completed=false), from and to (ISO instants, to "
                    + "exclusive). For every response at once, use the streamed export.")
    public Uni<RestResponse<Page<ResponseView>>> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                              @PathParam("surveyId") String surveyId,
                              @QueryParam("limit") @DefaultValue(Page.DEFAULT_LIMIT) @Min(1)
                              @Max(Page.MAX_LIMIT) int limit,
                              @QueryParam("after") @Size(max = 300) String after,
                              @QueryParam("version") @Min(1) Integer version,
                              @QueryParam("channel") @Size(max = 32) String channel,
                              @QueryParam("completed") Boolean completed,
                              @QueryParam("from") String from,
                              @QueryParam("to") String to) {
        ResponseRepository.Filter filter = new ResponseRepository.Filter(version, channel, completed,
                instant("from", from), instant("to", to));
        return surveys.get(tenant, surveyId)
                .chain(survey -> responses.listForSurvey(tenant, surveyId, filter, after, limit + 1))
                .chain(found -> responses.countForSurvey(tenant, surveyId, filter).map(total -> RestResponse
                        .ResponseBuilder.ok(Page.of(found, limit, ResponseView::of,
                                last -> ListingCursor.after(ListingCursor.RESPONSES, last.submittedAt(), last.id())))
                        .header(TOTAL, total).build()));
    }

    @GET
    @Path("/{responseId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get one stored response")
    public Uni<ResponseView> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                 @PathParam("surveyId") String surveyId,
                                 @PathParam("responseId") String responseId) {
        return responses.get(tenant, responseId).map(response -> {
            if (!response.surveyId().equals(surveyId)) {
                throw ProblemException.notFound("Response", responseId);
            }
            return ResponseView.of(response);
        });
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @Operation(summary = "Export the responses (streamed)",
            description = "format=csv (default): one row per response, a column per question of the latest version "
                    + "(choices joined by ';', matrix rows as row=score); cells that a spreadsheet would run as a "
                    + "formula are prefixed with '. format=ndjson: one response per line, every answer typed. Same "
                    + "filters as the listing.")
    public RestMulti<String> export(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @PathParam("surveyId") String surveyId,
                                @QueryParam("format") @DefaultValue("csv") String format,
                                @QueryParam("version") @Min(1) Integer version,
                                @QueryParam("channel") @Size(max = 32) String channel,
                                @QueryParam("completed") Boolean completed,
                                @QueryParam("from") String from,
                                @QueryParam("to") String to) {
        if (!format.equals("csv") && !format.equals("ndjson")) {
            throw ProblemException.invalidField("format", "must be csv or ndjson");
        }
        ResponseRepository.Filter filter = new ResponseRepository.Filter(version, channel, completed,
                instant("from", from), instant("to", to));
        Uni<Multi<String>> lines = surveys.getWithLatestVersion(tenant, surveyId).map(change -> format.equals("csv")
                ? csv(change.survey(), change.published().map(published -> published.content().questions())
                .orElse(List.of()), filter)
                : responses.streamForSurvey(tenant, surveyId, filter).map(this::ndjsonLine));
        Map<String, List<String>> headers = Map.of(
                "Content-Type", List.of(format.equals("csv") ? "text/csv; charset=UTF-8" : "application/x-ndjson"),
                "Content-Disposition", List.of("attachment; filename=\"responses-" + surveyId + "." + format + "\""));
        // Streamed as the store yields it: the export holds one batch of responses in memory, never the survey.
        return RestMulti.fromUniResponse(lines, Function.identity(), ignored -> headers);
    }

    private Multi<String> csv(Survey survey, List<Question> questions, ResponseRepository.Filter filter) {
        List<String> header = new ArrayList<>(List.of("responseId", "surveyVersion", "channel", "language",
                "touchpoint", "journeyStage", "completed", "submittedAt", "customerId", "email", "phone",
                "verified"));
        questions.forEach(question -> header.add(question.id()));
        Multi<String> rows = responses.streamForSurvey(survey.tenant(), survey.id(), filter).map(response -> {
            Map<String, Answer> answers = response.answers().stream()
                    .collect(Collectors.toMap(Answer::questionId, answer -> answer, (first, second) -> first));
            var who = response.respondent();
            List<String> cells = new ArrayList<>(List.of(response.id(), String.valueOf(response.surveyVersion()),
                    response.channel().wireName(), text(response.language()), text(response.touchpoint()),
                    text(response.journeyStage()), String.valueOf(response.completed()),
                    response.submittedAt().toString(), who == null ? "" : text(who.customerId()),
                    who == null ? "" : text(who.email()), who == null ? "" : text(who.phone()),
                    String.valueOf(who != null && who.verified())));
            questions.forEach(question -> cells.add(CsvCells.of(answers.get(question.id()))));
            return CsvCells.row(cells);
        });
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(CsvCells.row(header)), rows);
    }

    private String ndjsonLine(Response response) {
        try {
            return json.writeValueAsString(ResponseView.of(response)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(parameter, "must be an ISO instant such as 2026-11-01T00:00:00Z");
        }
    }
}
