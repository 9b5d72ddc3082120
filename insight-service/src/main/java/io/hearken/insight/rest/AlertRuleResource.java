package io.hearken.insight.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.common.problem.ProblemException;
import io.hearken.insight.domain.AlertRule;
import io.hearken.insight.repository.AlertRuleRepository;
import io.hearken.insight.service.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The tenant's alert rules: what raises an alert and a follow-up case on a response. A rule of another tenant is
 * 404 like one that does not exist; an invalid rule is a 400 naming every field at fault and is not stored.
 */
@Path("/v1/alert-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertRuleResource {

    private final AlertRuleRepository rules;

    public AlertRuleResource(AlertRuleRepository rules) {
        this.rules = rules;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an alert rule", description = "201 with its Location; 400 naming each field at "
            + "fault (name, type, priority, threshold, keywords, score, period, surveyId).")
    public Uni<Response> create(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                AlertRuleViews.AlertRuleRequest request, @Context UriInfo uri) {
        AlertRule rule = AlertRuleViews.toRule(UUID.randomUUID().toString(), tenant, request);
        return rules.insert(rule, Timestamps.now())
                .map(stored -> Response.created(uri.getAbsolutePathBuilder().path(rule.id()).build())
                        .entity(AlertRuleViews.of(stored)).build());
    }

    @GET
    @Operation(summary = "The tenant's alert rules, oldest first")
    public Uni<AlertRuleViews.AlertRuleList> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant) {
        return rules.list(tenant)
                .map(found -> new AlertRuleViews.AlertRuleList(found.stream().map(AlertRuleViews::of).toList()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One alert rule", description = "404 for a rule the tenant does not have.")
    public Uni<AlertRuleViews.AlertRuleView> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                 @PathParam("id") String id) {
        return rules.find(tenant, id)
                .map(found -> AlertRuleViews.of(found.orElseThrow(() -> ProblemException.notFound("Alert rule", id))));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an alert rule", description = "The whole definition; alerts it raised before keep "
            + "what they were raised with. 400 naming each field at fault, 404 for a rule the tenant does not have.")
    public Uni<AlertRuleViews.AlertRuleView> replace(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                     @PathParam("id") String id,
                                                     AlertRuleViews.AlertRuleRequest request) {
        AlertRule rule = AlertRuleViews.toRule(id, tenant, request);
        return rules.update(rule, Timestamps.now())
                .map(found -> AlertRuleViews.of(found.orElseThrow(() -> ProblemException.notFound("Alert rule", id))));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an alert rule", description = "204; its alerts and cases stay. 404 for a rule the "
            + "tenant does not have.")
    public Uni<Response> delete(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant, @PathParam("id") String id) {
        return rules.delete(tenant, id).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("Alert rule", id);
            }
            return Response.noContent().build();
        });
    }
}
