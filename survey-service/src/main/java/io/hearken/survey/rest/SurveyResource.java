package io.hearken.survey.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.common.page.Page;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyStatus;
import io.hearken.survey.service.ListingCursor;
import io.hearken.survey.service.SurveyService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Survey administration for a tenant: design (create, revise the draft, import, export), lifecycle (publish,
 * pause, resume, close) and reading. Reached through the gateway, which checks roles and sets the tenant. Every
 * answer about one survey carries its revision as the ETag; send it back as {@code If-Match} when revising so that
 * a change made meanwhile by someone else is refused (409) rather than overwritten.
 */
@Path("/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys")
public class SurveyResource {

    private final SurveyService surveys;

    public SurveyResource(SurveyService surveys) {
        this.surveys = surveys;
    }

    @POST
    @Operation(summary = "Create a survey",
            description = "A draft holding the definition; with publish: true also version 1, taking responses at "
                    + "once. 201 once the event store acknowledges it.")
    public Uni<Response> create(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @Valid @NotNull SurveyDefinition definition, UriInfo uriInfo) {
        return surveys.create(definition.toCreate(tenant))
                .onFailure().transform(definition::inCallersTerms)
                .map(change -> created(change, uriInfo, change.survey()));
    }

    @POST
    @Path("/import")
    @Operation(summary = "Import a survey definition exported from this or another Hearken",
            description = "Creates a new survey from the export's definition; ?publish=true publishes it at once.")
    public Uni<Response> importSurvey(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                      @QueryParam("publish") @DefaultValue("false") boolean publish,
                                      @Valid @NotNull SurveyExport export, UriInfo uriInfo) {
        SurveyDefinition definition = export.definition().withPublish(publish);
        return surveys.create(definition.toCreate(tenant))
                .onFailure().transform(failure -> export.inCallersTerms(definition.inCallersTerms(failure)))
                .map(change -> Response.created(uriInfo.getBaseUriBuilder().path("v1/surveys")
                                .path(change.survey().id()).build())
                        .tag(etag(change.survey())).entity(SurveyView.of(change)).build());
    }

    @GET
    @Operation(summary = "List the tenant's surveys, newest first",
            description = "Keyset pages: pass the previous page's 'next' as 'after'. Filter by status and by a "
                    + "case-insensitive part of the name (q).")
    public Uni<Page<SurveyView>> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                      @QueryParam("limit") @DefaultValue(Page.DEFAULT_LIMIT) @Min(1)
                                      @Max(Page.MAX_LIMIT) int limit,
                                      @QueryParam("after") @Size(max = 300) String after,
                                      @QueryParam("status") String status,
                                      @QueryParam("q") @Size(max = 200) String nameContains) {
        return surveys.list(tenant, status(status), nameContains, after, limit + 1)
                .map(found -> Page.of(found, limit, SurveyView::summary,
                        last -> ListingCursor.after(ListingCursor.SURVEYS, last.createdAt(), last.id())));
    }

    @GET
    @Path("/{surveyId}")
    @Operation(summary = "Get a survey: its state, draft and latest published version")
    public Uni<Response> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                             @PathParam("surveyId") String surveyId) {
        return surveys.getWithLatestVersion(tenant, surveyId).map(SurveyResource::ok);
    }

    @GET
    @Path("/{surveyId}/versions/{version}")
    @Operation(summary = "Get one published version of a survey")
    public Uni<SurveyView.VersionView> version(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                               @PathParam("surveyId") String surveyId,
                                               @PathParam("version") @Min(1) int version) {
        return surveys.version(tenant, surveyId, version).map(SurveyView.VersionView::of);
    }

    @GET
    @Path("/{surveyId}/export")
    @Operation(summary = "Export a survey's definition as JSON",
            description = "The draft if there is one, else the latest version; POST it to /v1/surveys/import.")
    public Uni<SurveyExport> export(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                    @PathParam("surveyId") String surveyId) {
        return surveys.getWithLatestVersion(tenant, surveyId).map(SurveyExport::of);
    }

    @PUT
    @Path("/{surveyId}/draft")
    @Operation(summary = "Revise a survey's draft",
            description = "Published versions never change: an active survey keeps taking responses to its latest "
                    + "version until the draft is published. If-Match with the ETag refuses the revision (409) if "
                    + "the survey changed since; publish: true publishes the draft at once.")
    public Uni<Response> revise(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @PathParam("surveyId") String surveyId,
                                @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull SurveyDefinition definition) {
        Long expected = revisionIn(ifMatch);
        return command(tenant, surveyId, survey -> {
            Survey.Change revised = survey.revise(definition.toRevise(expected), Instant.now());
            return definition.publishes() ? revised.survey().publish(Instant.now()) : revised;
        }).onFailure().transform(definition::inCallersTerms);
    }

    @POST
    @Path("/{surveyId}/publish")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Publish the draft as a new, immutable version",
            description = "A draft survey becomes active; responses from then on answer the new version.")
    public Uni<Response> publish(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                 @PathParam("surveyId") String surveyId) {
        return command(tenant, surveyId, survey -> survey.publish(Instant.now()));
    }

    @POST
    @Path("/{surveyId}/pause")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Pause an active survey", description = "It takes no responses (409) until resumed.")
    public Uni<Response> pause(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                               @PathParam("surveyId") String surveyId) {
        return command(tenant, surveyId, survey -> survey.pause(Instant.now()));
    }

    @POST
    @Path("/{surveyId}/resume")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Resume a paused survey")
    public Uni<Response> resume(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @PathParam("surveyId") String surveyId) {
        return command(tenant, surveyId, survey -> survey.resume(Instant.now()));
    }

    @POST
    @Path("/{surveyId}/close")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Close a survey for good", description = "It takes no responses and no changes any more.")
    public Uni<Response> close(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                               @PathParam("surveyId") String surveyId) {
        return command(tenant, surveyId, survey -> survey.close(Instant.now()));
    }

    private Uni<Response> command(String tenant, String surveyId, Function<Survey, Survey.Change> command) {
        return surveys.change(tenant, surveyId, command).chain(surveys::withLatestVersion).map(SurveyResource::ok);
    }

    private static Response ok(Survey.Change change) {
        return Response.ok(SurveyView.of(change)).tag(etag(change.survey())).build();
    }

    private static Response created(Survey.Change change, UriInfo uriInfo, Survey survey) {
        return Response.created(uriInfo.getAbsolutePathBuilder().path(survey.id()).build())
                .tag(etag(survey)).entity(SurveyView.of(change)).build();
    }

    private static EntityTag etag(Survey survey) {
        return new EntityTag(Long.toString(survey.revision()));
    }

    private static Long revisionIn(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be the survey's ETag, such as \"3\"");
        }
    }

    private static SurveyStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return SurveyStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of " + List.of(SurveyStatus.values()));
        }
    }
}
