package io.hearken.survey.rest;

import io.hearken.common.consumer.DeadLetter;
import io.hearken.common.consumer.DeadLetters;
import io.hearken.common.http.TenantHeader;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * A tenant admin's view of the events of its tenant that a consumer could never apply (every service's consumers
 * share one dead-letter topic), and the redrive that hands them back after a fix. Reached through the gateway, admin
 * role only. Calls block on the broker, so they run on a worker thread.
 */
@Path("/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "List dead letters of the tenant",
            description = "Oldest first; each names the consumer, where the event came from, why it failed and, once "
                    + "redriven, when.")
    public List<DeadLetter> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                 @QueryParam("consumer") String consumer) {
        return deadLetters.list(tenant, consumer);
    }

    @POST
    @Path("/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand dead letters back to their consumers",
            description = "202: the listed dead letters are handed back and applied asynchronously, once each (a "
                    + "consumer applies an event id once, so redriving twice is harmless). Without ids, every dead "
                    + "letter of the tenant (and consumer) not redriven yet; 'again' includes those redriven before.")
    public Response redrive(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                            @Valid RedriveRequest request) {
        RedriveRequest asked = request == null ? new RedriveRequest(null, null, false) : request;
        List<DeadLetter> redriven = deadLetters.redrive(tenant, asked.consumer(), asked.ids(),
                Boolean.TRUE.equals(asked.again()));
        return Response.accepted(new RedriveReceipt(redriven.size(), redriven)).build();
    }

    /** Which dead letters to hand back: all of the tenant by default. */
    public record RedriveRequest(String consumer, List<@NotBlank String> ids, Boolean again) {
    }

    /** What was handed back. */
    public record RedriveReceipt(int redriven, List<DeadLetter> deadLetters) {
    }
}
