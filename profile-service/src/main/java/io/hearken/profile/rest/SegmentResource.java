package io.hearken.profile.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.hearken.common.http.TenantHeader;
import io.hearken.profile.service.SegmentService.EvaluatedSegment;
import io.hearken.profile.service.SegmentService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;

/** Saved segments: rules over traits, computed facts and the timeline, evaluated when asked. */
@Path("/v1/profiles/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments")
public class SegmentResource {

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
    @Operation(summary = "The tenant's segments (not evaluated)")
    public Uni<List<SegmentView>> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant) {
        return segments.list(tenant).map(saved -> saved.stream()
                .map(segment -> new SegmentView(segment.id(), segment.name(), null, null, segment.createdAt()))
                .toList());
    }

    @GET
    @Path("/{segmentId}")
    @Operation(summary = "A segment with its member count, evaluated now")
    public Uni<SegmentView> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @PathParam("segmentId") UUID segmentId) {
        return segments.get(tenant, segmentId).map(evaluated -> view(evaluated, null));
    }

    /** One page of members: profile ids in id order, and where the next page starts. */
    public record MembersView(List<UUID> profileIds, UUID next) {
    }

    @GET
    @Path("/{segmentId}/members")
    @Operation(summary = "The segment's members by pages (after = the previous page's next)")
    public Uni<MembersView> members(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                    @PathParam("segmentId") UUID segmentId,
                                    @QueryParam("after") UUID after,
                                    @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return segments.members(tenant, segmentId, after, limit).map(ids -> new MembersView(ids,
                ids.size() == limit ? ids.get(ids.size() - 1) : null));
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
