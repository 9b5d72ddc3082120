package io.hearken.profile.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** survey-service's response API, from which a customer's export takes their answers as survey-service keeps them. */
@Path("/v1/surveys/{surveyId}/responses/{responseId}")
@RegisterRestClient(configKey = "survey-service")
public interface SurveyResponsesApi {

    @GET
    Uni<JsonNode> response(@HeaderParam("X-Hearken-Tenant") String tenant, @PathParam("surveyId") String surveyId,
                           @PathParam("responseId") String responseId);
}
