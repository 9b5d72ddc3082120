package io.hearken.survey.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.survey.service.ResponseService;
import io.hearken.survey.service.SurveyService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Survey administration for a tenant; reached through the gateway, which checks roles and sets the tenant. */
@Path("/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys")
public class SurveyResource {

    private final SurveyService surveys;
    private final ResponseService responses;

    public SurveyResource(SurveyService surveys, ResponseService responses) {
        this.surveys = surveys;
        this.responses = responses;
    }

    @POST
    @Operation(summary = "Create a survey", description = "Kept once the event store acknowledges it (201).")
    public Uni<Response> create(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @Valid @NotNull CreateSurveyRequest request, UriInfo uriInfo) {
        return surveys.create(request.toCommand(tenant))
                .map(survey -> Response.created(uriInfo.getAbsolutePathBuilder().path(survey.id()).build())
                        .entity(SurveyView.of(survey)).build());
    }

    @GET
    @Operation(summary = "List the tenant's surveys, newest first")
    public Uni<List<SurveyView>> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return surveys.list(tenant, limit).map(list -> list.stream().map(SurveyView::of).toList());
    }

    @GET
    @Path("/{surveyId}")
    @Operation(summary = "Get one survey definition")
    public Uni<SurveyView> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                               @PathParam("surveyId") String surveyId) {
        return surveys.get(tenant, surveyId).map(SurveyView::of);
    }

    @GET
    @Path("/{surveyId}/responses")
    @Operation(summary = "List the stored responses of a survey",
            description = "Oldest first; page with offset and limit (at most 10000).")
    public Uni<List<ResponseView>> responses(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                  @PathParam("surveyId") String surveyId,
                                                  @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                                  @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000)
                                                  int limit) {
        return surveys.get(tenant, surveyId)
                .chain(survey -> responses.listForSurvey(tenant, surveyId, offset, limit))
                .map(list -> list.stream().map(ResponseView::of).toList());
    }
}
