package io.hearken.profile.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.hearken.common.http.TenantHeader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** survey-service's response API, from which a customer's export takes their answers as survey-service keeps them. */
@Path("/v1/surveys/{surveyId}/responses/{responseId}")
@RegisterProvider(SurveyServiceCredential.class)
@RegisterRestClient(configKey = "survey-service")
public interface SurveyResponsesApi {

    @GET
    Uni<JsonNode> response(@HeaderParam(TenantHeader.NAME) String tenant, @PathParam("surveyId") String surveyId,
                           @PathParam("responseId") String responseId);
}
