package io.hearken.insight.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.insight.service.AlertService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The alerts the tenant's rules raised, newest first, each with the case it opened. */
@Path("/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertResource {

    private final AlertService alerts;

    public AlertResource(AlertService alerts) {
        this.alerts = alerts;
    }

    @GET
    @Operation(summary = "The tenant's alerts, newest first", description = "limit 1–200, default 50.")
    public Uni<CaseViews.AlertList> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                         @QueryParam("limit") String limit) {
        return alerts.list(tenant, CaseResource.limit(limit))
                .map(found -> new CaseViews.AlertList(found.stream().map(CaseViews::of).toList()));
    }
}
