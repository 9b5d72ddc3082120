package io.hearken.webhook.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.hearken.webhook.domain.InboundFeedback;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * survey-service's feedback ingestion ({@code POST /v1/feedback}), idempotent by source and external id. Used only
 * through {@link FeedbackForwarder}, which bounds how long a partner waits for it. An answer that refuses the feedback
 * itself (400, 413, 422) becomes a {@link SurveyServiceRefusal} carrying survey-service's problem, the partner's to
 * fix; any other answer of 400 and above a {@link SurveyServiceUnavailable}, survey-service's (or our) trouble, which
 * a later retry may not meet.
 */
@Path("/v1/feedback")
@RegisterProvider(SurveyServiceCredential.class)
@RegisterRestClient(configKey = "survey-service")
public interface SurveyFeedbackApi {

    /** survey-service's receipt: its id of the item, and {@code created} or {@code duplicate}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Receipt(String id, String status) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Receipt> ingest(@HeaderParam(TenantHeader.NAME) String tenant, @HeaderParam(CallerHeader.NAME) String caller,
                        InboundFeedback feedback);

    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        SurveyServiceRefusal refusal = SurveyServiceRefusal.of(response);
        return refusal.refusesTheRequest() ? refusal : new SurveyServiceUnavailable(refusal.getMessage());
    }
}
