package io.hearken.profile.rest;

import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.hearken.profile.service.PrivacyService;
import io.hearken.profile.service.PrivacyService.ErasureStatus;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Erasure of a customer across Hearken, and its progress per service. */
@Path("/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class PrivacyResource {

    private final PrivacyService privacy;

    public PrivacyResource(PrivacyService privacy) {
        this.privacy = privacy;
    }

    /** An erasure's progress: a receipt per service, complete once every service sent one. */
    public record ErasureView(UUID id, UUID profileId, Instant requestedAt, String requestedBy, boolean complete,
                              List<ServiceView> services) {
    }

    /** One service's part: done (with what it removed) or pending. */
    public record ServiceView(String service, String status, Long itemsErased, Instant completedAt) {
    }

    @DELETE
    @Path("/{profileId}")
    @Operation(summary = "Erase a customer", description = "Deletes the profile now and asks survey-service and "
            + "insight-service to forget the customer (hearken.profile.erased.v1); 202 with the erasure to follow. "
            + "Asking again answers the same erasure.")
    public Uni<Response> erase(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                               @HeaderParam(CallerHeader.NAME) String caller,
                               @PathParam("profileId") UUID profileId) {
        return privacy.erase(tenant, profileId, caller).chain(erasureId -> privacy.status(tenant, erasureId))
                .map(status -> Response.accepted(view(status))
                        .location(URI.create("/v1/profiles/erasures/" + status.erasure().id())).build());
    }

    @GET
    @Path("/erasures/{erasureId}")
    @Operation(summary = "An erasure's progress per service")
    public Uni<ErasureView> erasure(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                    @PathParam("erasureId") UUID erasureId) {
        return privacy.status(tenant, erasureId).map(PrivacyResource::view);
    }

    private static ErasureView view(ErasureStatus status) {
        List<ServiceView> services = PrivacyService.SERVICES.stream()
                .map(service -> status.receipts().stream().filter(receipt -> receipt.service().equals(service))
                        .findFirst()
                        .map(receipt -> new ServiceView(service, "done", receipt.itemsErased(),
                                receipt.completedAt()))
                        .orElse(new ServiceView(service, "pending", null, null)))
                .toList();
        return new ErasureView(status.erasure().id(), status.erasure().profileId(), status.erasure().requestedAt(),
                status.erasure().requestedBy(), status.isComplete(), services);
    }
}
