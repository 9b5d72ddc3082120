package io.hearken.webhook.rest;

import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.page.Page;
import io.hearken.common.page.PageCursor;
import io.hearken.common.problem.ProblemException;
import io.hearken.webhook.service.InboundSourceService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/**
 * The sources through which partners post signed feedback (docs/webhooks.md, "Inbound"). Admins and partners of a
 * tenant register them; a partner sees and manages only the sources it registered, an admin all of its tenant's; any
 * other source is 404. The secret is shown only in the answer that sets it.
 */
@Path("/v1/webhooks/inbound-sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbound webhooks")
public class InboundSourceResource {

    private static final String LIST = "inbound-sources";

    private final InboundSourceService sources;

    public InboundSourceResource(InboundSourceService sources) {
        this.sources = sources;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an inbound source", description = "201 with its id, the path partners post to and "
            + "its secret (generated, or the whsec_ secret given); 400 naming each field at fault; 409 when the "
            + "workspace has a source of that name.")
    public Uni<Response> register(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                  @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                  @Valid @NotNull InboundSourceViews.RegisterRequest request, @Context UriInfo uri) {
        return sources.register(tenant, caller, request.name(), request.description(),
                        InboundSourceViews.secret(request.secret()))
                .map(source -> Response.created(uri.getAbsolutePathBuilder().path(source.id()).build())
                        .entity(InboundSourceViews.withSecret(source)).build());
    }

    @GET
    @Operation(summary = "The inbound sources the caller may see, oldest first",
            description = "An admin's: every source of the workspace; a partner's: those it registered. Keyset "
                    + "pages: limit 1-500 (default 50); pass the previous page's 'next' as 'after'.")
    public Uni<Page<InboundSourceViews.InboundSourceView>> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                                @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                                @QueryParam("after") String after,
                                                                @QueryParam("limit") String limit) {
        int size = Page.limit(limit, Page.MAX_LIMIT);
        Optional<PageCursor> position = PageCursor.read(LIST, after, 2);
        return sources.list(tenant, caller, position.map(cursor -> cursor.instant(0)).orElse(null),
                        position.map(cursor -> cursor.text(1)).orElse(null), size + 1)
                .map(found -> Page.of(found, size, InboundSourceViews::of,
                        last -> PageCursor.of(LIST, last.createdAt(), last.id())));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One inbound source", description = "404 for a source the caller may not see.")
    public Uni<InboundSourceViews.InboundSourceView> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                         @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                         @PathParam("id") String id) {
        return sources.get(tenant, caller, id).map(InboundSourceViews::of);
    }

    @POST
    @Path("/{id}/secret/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rotate an inbound source's secret", description = "The new secret (generated, or the "
            + "whsec_ secret given) verifies from now on; the previous one still verifies for the overlap (ISO 8601, "
            + "default PT24H, at most P7D; PT0S ends it now). A source verifies at most two secrets: rotating again "
            + "drops the oldest. The body is optional. 404 for a source the caller may not see, 409 when another "
            + "rotation came first.")
    public Uni<InboundSourceViews.InboundSourceView> rotate(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                            @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                            @PathParam("id") String id,
                                                            @Valid InboundSourceViews.RotateRequest request) {
        InboundSourceViews.RotateRequest asked = request == null
                ? new InboundSourceViews.RotateRequest(null, null) : request;
        return sources.rotate(tenant, caller, id, asked.overlap(), InboundSourceViews.secret(asked.secret()))
                .map(InboundSourceViews::withSecret);
    }

    /**
     * A rotation asked for without a JSON body: the defaults (a generated secret, the configured overlap), unless a
     * body of another type came, which is refused rather than ignored.
     */
    @POST
    @Path("/{id}/secret/rotate")
    @Operation(hidden = true)
    public Uni<InboundSourceViews.InboundSourceView> rotate(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                            @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                            @PathParam("id") String id,
                                                            byte[] body) {
        if (body != null && body.length > 0) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "Send the rotation as application/json, or no body for the defaults.", List.of(), null);
        }
        return rotate(tenant, caller, id, (InboundSourceViews.RotateRequest) null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an inbound source", description = "204; messages to it are refused from now on "
            + "(401, as for any unknown source). Feedback it brought in stays. 404 for a source the caller may not "
            + "see.")
    public Uni<Response> delete(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                @PathParam("id") String id) {
        return sources.delete(tenant, caller, id).map(deleted -> Response.noContent().build());
    }
}
