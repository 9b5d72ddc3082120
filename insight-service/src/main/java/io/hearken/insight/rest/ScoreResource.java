package io.hearken.insight.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.common.problem.ProblemException;
import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.Granularity;
import io.hearken.insight.domain.InvalidQueryException;
import io.hearken.insight.domain.NpsScore;
import io.hearken.insight.service.ScoreService;
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

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Scores of a survey for the tenant set by the gateway: over a range with the change since the previous period, as
 * a trend, and the all-time NPS. Sliced by any combination of version, channel, touchpoint, journeyStage, locale and
 * segment, or broken down by one of them.
 */
@Path("/v1/surveys/{surveyId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores")
public class ScoreResource {

    private static final int DEFAULT_SCORE_DAYS = 30;
    private static final int DEFAULT_TREND_DAYS = 91;

    private final ScoreService scores;

    public ScoreResource(ScoreService scores) {
        this.scores = scores;
    }

    @GET
    @Path("/scores")
    @Parameters({
            @Parameter(name = "version", in = ParameterIn.QUERY, description = "Only answers to this survey version"),
            @Parameter(name = "channel", in = ParameterIn.QUERY, description = "Only answers from this channel (web, "
                    + "email, sms, ...)"),
            @Parameter(name = "touchpoint", in = ParameterIn.QUERY, description = "Only answers at this touchpoint"),
            @Parameter(name = "journeyStage", in = ParameterIn.QUERY, description = "Only answers at this stage"),
            @Parameter(name = "locale", in = ParameterIn.QUERY, description = "Only answers in this language"),
            @Parameter(name = "segment", in = ParameterIn.QUERY, description = "Only answers of customers who were "
                    + "in this profile segment (its id) when they answered"),
            @Parameter(name = "from", in = ParameterIn.QUERY,
                    description = "First day (yyyy-mm-dd, tenant's time zone)"),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, included"),
            @Parameter(name = "question", in = ParameterIn.QUERY, description = "Only this question")})
    @Operation(summary = "Scores of a survey over a range",
            description = "Every question's scores (NPS, CSAT top-2-box and mean, CES mean and % agree, rating "
                    + "means, option shares) with 95 % margins and distribution, over from..to (default: the last "
                    + "30 days), each compared with the previous period of the same length. 404 for a survey the "
                    + "tenant does not have; 400 naming the parameter for an unknown slice, a bad date or range.")
    public Uni<ScoreViews.SurveyScoresView> scores(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                   @PathParam("surveyId") String surveyId,
                                                   @Context UriInfo uri) {
        return answer(() -> {
            ScoreParameters parameters = new ScoreParameters(uri.getQueryParameters(),
                    Set.of(ScoreParameters.FROM, ScoreParameters.TO, ScoreParameters.QUESTION,
                            ScoreParameters.SEGMENT));
            DateRange range = parameters.range(scores.timeZoneOf(tenant), DEFAULT_SCORE_DAYS);
            return scores.scores(tenant, surveyId, parameters.question(), parameters.slice(), range)
                    .map(found -> found.map(ScoreViews::of));
        }, surveyId);
    }

    @GET
    @Path("/trend")
    @Parameters({
            @Parameter(name = "version", in = ParameterIn.QUERY, description = "Only answers to this survey version"),
            @Parameter(name = "channel", in = ParameterIn.QUERY, description = "Only answers from this channel (web, "
                    + "email, sms, ...)"),
            @Parameter(name = "touchpoint", in = ParameterIn.QUERY, description = "Only answers at this touchpoint"),
            @Parameter(name = "journeyStage", in = ParameterIn.QUERY, description = "Only answers at this stage"),
            @Parameter(name = "locale", in = ParameterIn.QUERY, description = "Only answers in this language"),
            @Parameter(name = "segment", in = ParameterIn.QUERY, description = "Only answers of customers who were "
                    + "in this profile segment (its id) when they answered"),
            @Parameter(name = "from", in = ParameterIn.QUERY,
                    description = "First day (yyyy-mm-dd, tenant's time zone)"),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, included"),
            @Parameter(name = "question", in = ParameterIn.QUERY, required = true, description = "The question's id"),
            @Parameter(name = "granularity", in = ParameterIn.QUERY, description = "day, week or month")})

    @Operation(summary = "A question's scores period by period",
            description = "granularity day, week (ISO, Monday to Sunday) or month (default week) over from..to "
                    + "(default: the last 91 days), at most 400 periods. 400 naming the parameter for a missing "
                    + "question, an unknown slice or granularity, a granularity too fine for the range.")
    public Uni<ScoreViews.TrendView> trend(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                           @PathParam("surveyId") String surveyId,
                                           @Context UriInfo uri) {
        return answer(() -> {
            ScoreParameters parameters = new ScoreParameters(uri.getQueryParameters(), Set.of(ScoreParameters.FROM,
                    ScoreParameters.TO, ScoreParameters.QUESTION, ScoreParameters.GRANULARITY,
                    ScoreParameters.SEGMENT));
            if (parameters.question() == null) {
                throw ProblemException.invalidField(ScoreParameters.QUESTION, "is required: the question to trend");
            }
            Granularity granularity = parameters.granularity(Granularity.WEEK);
            DateRange range = parameters.range(scores.timeZoneOf(tenant), DEFAULT_TREND_DAYS);
            granularity.periods(range);
            return scores.trend(tenant, surveyId, parameters.question(), parameters.slice(), range, granularity)
                    .map(found -> found.map(ScoreViews::of));
        }, surveyId);
    }

    @GET
    @Path("/breakdown")
    @Parameters({
            @Parameter(name = "by", in = ParameterIn.QUERY, required = true, description = "version, channel, "
                    + "touchpoint, journeyStage, locale or segment (profile-service's segments, by id)"),
            @Parameter(name = "from", in = ParameterIn.QUERY,
                    description = "First day (yyyy-mm-dd, tenant's time zone)"),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, included"),
            @Parameter(name = "question", in = ParameterIn.QUERY, description = "Only this question")})
    @Operation(summary = "Scores of a survey per value of one dimension",
            description = "For each value of the dimension that answers came with over from..to (default: the last "
                    + "30 days), every question's scores with 95 % margins and distribution, as /scores answers for "
                    + "that value alone, in one call; value \"\" holds the answers that carried none. by=segment: one "
                    + "group per profile-service segment (its id) that respondents were in. 404 for a survey the "
                    + "tenant does not have; 400 naming the parameter for a missing or unknown by, a bad date or "
                    + "range.")
    public Uni<ScoreViews.BreakdownView> breakdown(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                   @PathParam("surveyId") String surveyId,
                                                   @Context UriInfo uri) {
        return answer(() -> {
            ScoreParameters parameters = new ScoreParameters(uri.getQueryParameters(), Set.of(ScoreParameters.BY,
                    ScoreParameters.FROM, ScoreParameters.TO, ScoreParameters.QUESTION), Set.of());
            DateRange range = parameters.range(scores.timeZoneOf(tenant), DEFAULT_SCORE_DAYS);
            return scores.breakdown(tenant, surveyId, parameters.breakdownBy(), parameters.question(), range)
                    .map(found -> found.map(ScoreViews::of));
        }, surveyId);
    }

    @GET
    @Path("/nps")
    @Operation(summary = "Net Promoter Score of a survey, all time",
            description = "Promoters (9-10), passives (7-8), detractors (0-6), total and NPS, one decimal. 404 for a "
                    + "survey the tenant does not have.")
    public Uni<NpsScore> nps(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                             @PathParam("surveyId") String surveyId) {
        return answer(() -> scores.nps(tenant, surveyId), surveyId);
    }

    /** Runs a read, turning a query the domain refuses into a 400 naming its field and an unknown survey into 404. */
    private static <T> Uni<T> answer(Supplier<Uni<Optional<T>>> read, String surveyId) {
        Uni<Optional<T>> found;
        try {
            found = read.get();
        } catch (InvalidQueryException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
        return found.map(result -> result.orElseThrow(() -> ProblemException.notFound("Survey", surveyId)));
    }
}
