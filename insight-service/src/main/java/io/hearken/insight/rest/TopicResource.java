package io.hearken.insight.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.common.problem.ProblemException;
import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.InvalidQueryException;
import io.hearken.insight.service.ScoreService;
import io.hearken.insight.service.TextInsightService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/** What a survey's free-text answers are about, for the tenant set by the gateway. */
@Path("/v1/surveys/{surveyId}/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Text analytics")
public class TopicResource {

    private static final int DEFAULT_DAYS = 30;

    private final TextInsightService texts;
    private final ScoreService scores;

    public TopicResource(TextInsightService texts, ScoreService scores) {
        this.texts = texts;
        this.scores = scores;
    }

    @GET
    @Operation(summary = "Topics of a survey's free-text answers",
            description = "Every text's sentiment together, the top topics (volume, share, mean sentiment) and the "
                    + "topics that drive detractors, over from..to (default the last 30 days), sliced like scores. "
                    + "404 for a survey the tenant does not have; 400 naming the parameter at fault.")
    @Parameters({
            @Parameter(name = "question", in = ParameterIn.QUERY, description = "Only this text question"),
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day (yyyy-mm-dd)"),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, included"),
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Topics listed, 1-100 (20)"),
            @Parameter(name = "version", in = ParameterIn.QUERY), @Parameter(name = "channel", in = ParameterIn.QUERY),
            @Parameter(name = "touchpoint", in = ParameterIn.QUERY),
            @Parameter(name = "journeyStage", in = ParameterIn.QUERY),
            @Parameter(name = "locale", in = ParameterIn.QUERY)})
    public Uni<TextViews.TopicsView> topics(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                            @PathParam("surveyId") String surveyId, @Context UriInfo uri) {
        try {
            ScoreParameters parameters = new ScoreParameters(uri.getQueryParameters(), Set.of(ScoreParameters.FROM,
                    ScoreParameters.TO, ScoreParameters.QUESTION, ScoreParameters.LIMIT));
            DateRange range = parameters.range(scores.timeZoneOf(tenant), DEFAULT_DAYS);
            return texts.surveyTopics(tenant, surveyId, parameters.question(), parameters.slice(), range,
                            parameters.limit())
                    .map(found -> TextViews.of(found.orElseThrow(() -> ProblemException.notFound("Survey",
                            surveyId))));
        } catch (InvalidQueryException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
    }
}
