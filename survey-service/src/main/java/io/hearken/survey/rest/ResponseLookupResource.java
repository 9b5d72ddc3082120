package io.hearken.survey.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.service.ResponseService;
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

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The tenant's responses named by id, whatever their survey: how the gateway's customer view reads a customer's
 * recent responses, whose ids profile-service keeps on the customer's timeline (survey-service knows responses, not
 * which profile a respondent became). Ids the tenant does not have are left out, so another tenant's response is
 * never shown and never confirmed.
 */
@Path("/v1/responses")
@Tag(name = "Responses")
public class ResponseLookupResource {

    static final int MAX_IDS = 50;

    private final ResponseService responses;

    public ResponseLookupResource(ResponseService responses) {
        this.responses = responses;
    }

    /** The responses found, newest first. */
    public record Found(List<ResponseView> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Responses by id, across surveys, newest first",
            description = "1 to 50 `id` parameters; ids the tenant does not have are left out.")
    public Uni<Found> byIds(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                            @QueryParam("id") List<String> ids) {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(ids == null ? List.of() : ids));
        if (wanted.isEmpty() || wanted.size() > MAX_IDS || wanted.stream().anyMatch(id -> id.isBlank()
                || id.length() > 100)) {
            throw ProblemException.invalidField("id", "1 to " + MAX_IDS + " response ids of up to 100 characters");
        }
        return responses.findByIds(tenant, wanted)
                .map(found -> new Found(found.stream().map(ResponseView::of).toList()));
    }
}
