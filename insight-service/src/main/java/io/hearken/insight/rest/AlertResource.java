package io.hearken.insight.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.common.page.Page;
import io.hearken.common.page.PageCursor;
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

    private static final String ALERTS = "alerts";

    private final AlertService alerts;

    public AlertResource(AlertService alerts) {
        this.alerts = alerts;
    }

    @GET
    @Operation(summary = "The tenant's alerts, newest first", description = "Keyset pages: limit 1–500 (default "
            + "50), pass the previous page's 'next' as 'after'; alerts raised meanwhile never shift a page.")
    public Uni<Page<CaseViews.AlertView>> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                               @QueryParam("after") String after,
                                               @QueryParam("limit") String limit) {
        int size = Page.limit(limit, Page.MAX_LIMIT);
        return alerts.list(tenant, CaseResource.position(ALERTS, after), size + 1)
                .map(found -> Page.of(found, size, CaseViews::of,
                        last -> PageCursor.of(ALERTS, last.alert().raisedAt(), last.alert().id())));
    }
}
