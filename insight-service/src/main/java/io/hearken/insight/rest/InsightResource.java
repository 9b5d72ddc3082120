package io.hearken.insight.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.common.problem.ProblemException;
import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.Dimension;
import io.hearken.insight.domain.Granularity;
import io.hearken.insight.domain.InvalidQueryException;
import io.hearken.insight.domain.text.TextAnalyzer;
import io.hearken.insight.service.OutcomeService;
import io.hearken.insight.service.ScoreService;
import io.hearken.insight.service.TextAnalysisService;
import io.hearken.insight.service.TextInsightService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import java.util.function.Supplier;

/**
 * Insights across a tenant's surveys and feedback, for the tenant set by the gateway: the journey map, the topics of
 * unsolicited feedback, business outcomes by NPS group, and the text analyser itself for any text.
 */
@Path("/v1/insights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Text analytics")
public class InsightResource {

    private static final int DEFAULT_DAYS = 30;
    private static final int JOURNEY_TOPICS = 5;

    private final TextInsightService texts;
    private final TextAnalysisService analyser;
    private final ScoreService scores;
    private final OutcomeService outcomes;

    public InsightResource(TextInsightService texts, TextAnalysisService analyser, ScoreService scores,
                           OutcomeService outcomes) {
        this.texts = texts;
        this.analyser = analyser;
        this.scores = scores;
        this.outcomes = outcomes;
    }

    @GET
    @Path("/journey")
    @Operation(summary = "The journey map",
            description = "Per journey stage, and per touchpoint within it, over from..to (default the last 30 "
                    + "days): responses, every survey's NPS, CSAT and CES scores with margins, the texts' sentiment "
                    + "and top 5 topics; and the weakest stage (lowest NPS among stages with 30 answers or more, "
                    + "else CSAT top-2-box, else CES mean). Stage \"\" holds answers given without a stage.")
    @Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day (yyyy-mm-dd)"),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, included")})
    public Uni<TextViews.JourneyView> journey(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                              @Context UriInfo uri) {
        return refusingBadQueries(() -> {
            ScoreParameters parameters = new ScoreParameters(uri.getQueryParameters(),
                    Set.of(ScoreParameters.FROM, ScoreParameters.TO), Set.of());
            DateRange range = parameters.range(scores.timeZoneOf(tenant), DEFAULT_DAYS);
            return texts.journey(tenant, range, JOURNEY_TOPICS).map(report -> TextViews.of(report,
                    scores.timeZoneOf(tenant).getId(), new ScoreViews.PeriodView(range.from(), range.to())));
        });
    }

    @GET
    @Path("/feedback/topics")
    @Operation(summary = "Topics of unsolicited feedback",
            description = "Reviews, social posts and tickets over from..to (default the last 30 days): their "
                    + "sentiment together and the top topics; channel is the feedback's source, locale its language.")
    @Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day (yyyy-mm-dd)"),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, included"),
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Topics listed, 1-100 (20)"),
            @Parameter(name = "channel", in = ParameterIn.QUERY, description = "Only this source"),
            @Parameter(name = "locale", in = ParameterIn.QUERY, description = "Only this language")})
    public Uni<TextViews.TopicsView> feedbackTopics(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                    @Context UriInfo uri) {
        return refusingBadQueries(() -> {
            ScoreParameters parameters = new ScoreParameters(uri.getQueryParameters(),
                    Set.of(ScoreParameters.FROM, ScoreParameters.TO, ScoreParameters.LIMIT),
                    Set.of(Dimension.CHANNEL, Dimension.LOCALE));
            DateRange range = parameters.range(scores.timeZoneOf(tenant), DEFAULT_DAYS);
            return texts.feedbackTopics(tenant, parameters.slice(), range, parameters.limit()).map(TextViews::of);
        });
    }

    @GET
    @Path("/outcomes")
    @Operation(summary = "Business outcomes by NPS group",
            description = "Purchases (repeat-purchase rate), renewals and cancellations (retention and churn "
                    + "rates) that partners put on customers' timelines, by the NPS group of each customer's last "
                    + "answer before the outcome (detractor, passive, promoter, none), over from..to (default the "
                    + "last 30 days): in total, per journey stage, and per granularity period (default month). "
                    + "Rates come with 95 % margins.")
    @Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day (yyyy-mm-dd)"),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, included"),
            @Parameter(name = "granularity", in = ParameterIn.QUERY, description = "day, week or month"),
            @Parameter(name = "segment", in = ParameterIn.QUERY, description = "Only customers who were in this "
                    + "profile segment (its id) when the outcome was recorded")})
    public Uni<OutcomeViews.OutcomesView> outcomes(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                   @Context UriInfo uri) {
        return refusingBadQueries(() -> {
            ScoreParameters parameters = new ScoreParameters(uri.getQueryParameters(),
                    Set.of(ScoreParameters.FROM, ScoreParameters.TO, ScoreParameters.GRANULARITY,
                            ScoreParameters.SEGMENT), Set.of());
            DateRange range = parameters.range(scores.timeZoneOf(tenant), DEFAULT_DAYS);
            Granularity granularity = parameters.granularity(Granularity.MONTH);
            granularity.periods(range);
            return outcomes.report(tenant, parameters.segment(), range, granularity).map(OutcomeViews::of);
        });
    }

    /** A text to analyse, with the language it is probably in when known. */
    public record AnalysisRequest(
            @NotNull(message = "is required") @NotBlank(message = "must not be blank")
            @Size(max = TextAnalyzer.MAX_CHARS, message = "is at most 20000 characters") String text,
            @Size(max = 35, message = "is a BCP-47 language tag") String language) {
    }

    @POST
    @Path("/text-analysis")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Analyse a text",
            description = "The analyser every answer and feedback goes through, offline: language (en, ja, zh-Hans, "
                    + "zh-Hant), sentiment −1..1 and its label, the phrases that drove it (negation and degree "
                    + "included), topics with the phrases that named them, keywords. Nothing is stored.")
    public TextViews.AnalysisView analyse(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                          @Valid @NotNull AnalysisRequest request) {
        return TextViews.of(analyser.analyze(request.text(), request.language()));
    }

    private static <T> Uni<T> refusingBadQueries(Supplier<Uni<T>> read) {
        try {
            return read.get();
        } catch (InvalidQueryException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
    }
}
