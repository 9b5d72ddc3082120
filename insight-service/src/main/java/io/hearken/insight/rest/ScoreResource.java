package io.hearken.insight.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.insight.domain.NpsScore;
import io.hearken.insight.service.ScoreService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scores per survey, for the tenant set by the gateway. */
@Path("/v1/surveys/{surveyId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores")
public class ScoreResource {

    private final ScoreService scores;

    public ScoreResource(ScoreService scores) {
        this.scores = scores;
    }

    @GET
    @Path("/nps")
    @Operation(summary = "Net Promoter Score of a survey",
            description = "Promoters (9-10), passives (7-8), detractors (0-6), total and NPS, one decimal.")
    public Uni<NpsScore> nps(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                             @PathParam("surveyId") String surveyId) {
        return scores.nps(tenant, surveyId);
    }
}
