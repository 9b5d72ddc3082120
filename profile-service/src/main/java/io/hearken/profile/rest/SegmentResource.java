package io.hearken.profile.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.page.Page;
import io.hearken.common.page.PageCursor;
import io.hearken.profile.service.SegmentService.EvaluatedSegment;
import io.hearken.profile.service.SegmentService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Saved segments: rules over traits, computed facts and the timeline, evaluated when asked. */
@Path("/v1/profiles/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments")
public class SegmentResource {

    private static final String SEGMENTS = "segments";
    private static final String MEMBERS = "segment-members";

    private final SegmentService segments;

    public SegmentResource(SegmentService segments) {
        this.segments = segments;
    }

    /** A segment and, when evaluated, how many profiles it holds now. */
    public record SegmentView(UUID id, String name, JsonNode rule, Long members, Instant createdAt) {
    }

    /** A segment to save; the rule's grammar is in profile-service/README.md. */
    public record SegmentRequest(@NotBlank String name, @NotNull JsonNode rule) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a segment", description = "The rule is checked part by part; a wrong part is 400 "
            + "naming its path (rule.all[1].op). Answers with the current member count.")
    public Uni<Response> create(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @Valid @NotNull SegmentRequest request) {
        return segments.create(tenant, request.name(), request.rule()).map(evaluated -> Response
                .created(URI.create("/v1/profiles/segments/" + evaluated.segment().id()))
                .entity(view(evaluated, request.rule())).build());
    }

    @GET
    @Operation(summary = "The tenant's segments by name (not evaluated)",
            description = "Keyset pages: pass the previous page's 'next' as 'after'.")
    public Uni<Page<SegmentView>> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                       @QueryParam("after") @Size(max = 1000) String after,
                                       @QueryParam("limit") @DefaultValue(Page.DEFAULT_LIMIT) @Min(1)
                                       @Max(Page.MAX_LIMIT) int limit) {
        Optional<PageCursor> position = PageCursor.read(SEGMENTS, after, 2);
        return segments.page(tenant, position.map(cursor -> cursor.text(1)).orElse(null),
                        position.map(cursor -> cursor.uuid(0)).orElse(null), limit + 1)
                .map(saved -> Page.of(saved, limit,
                        segment -> new SegmentView(segment.id(), segment.name(), null, null, segment.createdAt()),
                        last -> PageCursor.of(SEGMENTS, last.id(), last.name())));
    }

    @GET
    @Path("/{segmentId}")
    @Operation(summary = "A segment with its member count, evaluated now")
    public Uni<SegmentView> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @PathParam("segmentId") UUID segmentId) {
        return segments.get(tenant, segmentId).map(evaluated -> view(evaluated, null));
    }

    @GET
    @Path("/{segmentId}/members")
    @Operation(summary = "The segment's members: profile ids in id order, by pages (after = the previous page's next)")
    public Uni<Page<UUID>> members(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                   @PathParam("segmentId") UUID segmentId,
                                   @QueryParam("after") @Size(max = 300) String after,
                                   @QueryParam("limit") @DefaultValue(Page.DEFAULT_LIMIT) @Min(1)
                                   @Max(Page.MAX_LIMIT) int limit) {
        UUID afterId = PageCursor.read(MEMBERS, after, 1).map(cursor -> cursor.uuid(0)).orElse(null);
        return segments.members(tenant, segmentId, afterId, limit + 1).map(ids -> Page.of(ids, limit, id -> id,
                last -> PageCursor.of(MEMBERS, last)));
    }

    @DELETE
    @Path("/{segmentId}")
    @Operation(summary = "Delete a segment")
    public Uni<Response> delete(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @PathParam("segmentId") UUID segmentId) {
        return segments.delete(tenant, segmentId).replaceWith(Response.noContent().build());
    }

    private static SegmentView view(EvaluatedSegment evaluated, JsonNode rule) {
        return new SegmentView(evaluated.segment().id(), evaluated.segment().name(), rule, evaluated.members(),
                evaluated.segment().createdAt());
    }
}
