package io.hearken.profile.rest;

import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.IdentityClaim;
import io.hearken.profile.domain.RecordTouchpoint;
import io.hearken.profile.service.TimelineService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Map;

/** Journey events a partner or admin posts (a purchase, a support ticket, a delivery): touchpoints on the timeline. */
@Path("/v1/profiles/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline")
public class TouchpointResource {

    private final TimelineService timeline;

    public TouchpointResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    /** One journey event; {@code eventId} is the caller's own id, which makes a retry harmless. */
    public record JourneyEventRequest(@NotBlank @Size(max = 200) String eventId,
                                      @NotBlank @Pattern(regexp = "[a-z][a-z0-9_.-]{0,62}") String type,
                                      @NotNull Map<String, String> identities,
                                      @Size(max = 32) String channel,
                                      @Size(max = 64) String stage,
                                      @Size(max = 100) String touchpoint,
                                      @Min(0) @Max(10) Integer score,
                                      @Size(max = 2000) String detail,
                                      Instant occurredAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put a journey event on its customer's timeline",
            description = "The identities are verified (the caller is authenticated). 201 when recorded, 200 when "
                    + "the same eventId was recorded before.")
    public Uni<Response> record(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @HeaderParam(CallerHeader.NAME) String caller,
                                @Valid @NotNull JourneyEventRequest request) {
        if (request.type().startsWith("response.") || request.type().startsWith("invitation.")) {
            throw ProblemException.invalidField("type", "response.* and invitation.* come from surveys, not from "
                    + "this API");
        }
        if (request.occurredAt() != null && request.occurredAt().isAfter(Instant.now().plusSeconds(300))) {
            throw ProblemException.invalidField("occurredAt", "is in the future");
        }
        IdentityClaim claim = IdentityParameters.trustedClaim(request.identities(), caller);
        RecordTouchpoint command = new RecordTouchpoint(tenant, "api:" + request.eventId(), request.type(), claim,
                request.channel(), request.stage(), request.touchpoint(), null, null, request.score(), null, null,
                request.detail(), request.occurredAt());
        return timeline.record(command).map(outcome -> switch (outcome) {
            case RECORDED -> Response.status(201).entity(Map.of("status", "recorded")).build();
            case ALREADY_RECORDED -> Response.ok(Map.of("status", "already-recorded")).build();
            case ERASED_CUSTOMER -> throw new ProblemException(409, "erased-customer", "Customer erased",
                    "The customer these identities name was erased after this event happened; it is not kept.",
                    null, null);
            case ANONYMOUS -> Response.ok(Map.of("status", "anonymous")).build();
        });
    }
}
