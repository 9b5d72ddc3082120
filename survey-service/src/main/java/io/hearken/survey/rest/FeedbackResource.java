package io.hearken.survey.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.common.page.Page;
import io.hearken.survey.service.Batches;
import io.hearken.survey.service.FeedbackService;
import io.hearken.survey.service.ListingCursor;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Unsolicited feedback: app-store and web reviews, social posts, support tickets, taken in by partners and importers
 * (tenant from the gateway) and stored as feedback without a survey, flowing to insights like responses do.
 */
@Path("/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback")
public class FeedbackResource {

    private final FeedbackService feedback;

    public FeedbackResource(FeedbackService feedback) {
        this.feedback = feedback;
    }

    /** Body of a backfill: up to 500 items, each kept or refused on its own. */
    public record Batch(@NotNull @Size(min = 1, max = 500) List<@NotNull FeedbackRequest> items) {
    }

    @POST
    @Operation(summary = "Take in one piece of feedback",
            description = "201 when new, 200 when the same source and externalId were taken in before (kept once; "
                    + "an edited item keeps its first version and says changed: true).")
    public Uni<Response> ingest(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @Valid @NotNull FeedbackRequest request) {
        return feedback.ingest(request.toCommand(tenant)).map(ingested -> Response
                .status(ingested.created() ? 201 : 200)
                .entity(new FeedbackView.Receipt(ingested.feedback().id(),
                        ingested.created() ? "created" : "duplicate", ingested.changed()))
                .build());
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Take in a batch of feedback (a backfill)",
            description = "Each item is kept, found a duplicate, or refused on its own; the report says which.")
    public Uni<BatchReport> ingestBatch(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                        @Valid @NotNull Batch batch) {
        return Batches.each(batch.items(), request -> feedback.ingest(request.toCommand(tenant)))
                .map(outcomes -> BatchReport.of(List.of(), IntStream.range(0, outcomes.size())
                                .mapToObj(index -> new BatchReport.Numbered<>(index + 1, outcomes.get(index)))
                                .toList(),
                        ingested -> ingested.feedback().id(), ingested -> !ingested.created()));
    }

    @GET
    @Operation(summary = "List the tenant's feedback, newest received first",
            description = "Keyset pages: pass the previous page's 'next' as 'after'; filter by source.")
    public Uni<Page<FeedbackView>> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                        @QueryParam("source") @Size(max = 32) String source,
                                        @QueryParam("after") @Size(max = 300) String after,
                                        @QueryParam("limit") @DefaultValue(Page.DEFAULT_LIMIT) @Min(1)
                                        @Max(Page.MAX_LIMIT) int limit) {
        return feedback.list(tenant, source, after, limit + 1).map(found -> Page.of(found, limit, FeedbackView::of,
                last -> ListingCursor.after(ListingCursor.FEEDBACK, last.receivedAt(), last.id())));
    }

    @GET
    @Path("/{feedbackId}")
    @Operation(summary = "Get one piece of feedback")
    public Uni<FeedbackView> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                 @PathParam("feedbackId") String feedbackId) {
        return feedback.get(tenant, feedbackId).map(FeedbackView::of);
    }
}
