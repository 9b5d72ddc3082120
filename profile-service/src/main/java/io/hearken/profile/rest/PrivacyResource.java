package io.hearken.profile.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.hearken.profile.service.ExportService;
import io.hearken.profile.service.PrivacyService.ErasureStatus;
import io.hearken.profile.service.PrivacyService;
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
import java.util.Map;
import java.util.UUID;

/** Erasure of a customer across Hearken, and its progress per service. */
@Path("/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class PrivacyResource {

    private final PrivacyService privacy;
    private final ExportService exports;

    public PrivacyResource(PrivacyService privacy, ExportService exports) {
        this.privacy = privacy;
        this.exports = exports;
    }

    /** Everything Hearken holds about one customer, by the service that holds it. */
    public record ExportView(Instant exportedAt, ProfileView profile, List<ProfileView.TouchpointView> timeline,
                             List<ProfileResource.ConsentHistoryView> consentHistory, List<JsonNode> responses,
                             Map<String, String> services) {
    }

    @GET
    @Path("/{profileId}/export")
    @Operation(summary = "Export everything Hearken holds about a customer",
            description = "The profile with its whole timeline and consent history, and each of the customer's "
                    + "responses as survey-service keeps them; 503 if survey-service cannot answer (never a "
                    + "partial export).")
    public Uni<ExportView> export(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                  @PathParam("profileId") UUID profileId) {
        return exports.export(tenant, profileId).map(export -> new ExportView(Instant.now(),
                ProfileView.of(export.profile()),
                export.timeline().stream().map(ProfileView.TouchpointView::of).toList(),
                export.consentHistory().stream().map(ProfileResource.ConsentHistoryView::of).toList(),
                export.responses(),
                Map.of("profile-service", "profile, identities, traits, consent, timeline",
                        "survey-service", export.responses().size() + " responses",
                        "insight-service", "no per-customer data (scores are counts)")));
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
