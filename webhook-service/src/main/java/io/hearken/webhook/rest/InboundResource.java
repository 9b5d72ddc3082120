package io.hearken.webhook.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.config.HttpLimitsConfig;
import io.hearken.common.problem.ProblemException;
import io.hearken.common.problem.ProblemExceptionMappers;
import io.hearken.common.problem.Problems;
import io.hearken.webhook.domain.InboundFeedback;
import io.hearken.webhook.domain.InboundMessage;
import io.hearken.webhook.service.InboundService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where partners post feedback signed per Standard Webhooks 1.0, one source per path, without a login: the
 * signature is the authentication (the gateway admits the path with a credential scoped to it). The body is read as
 * the exact bytes that were signed, and parsed only once the signature verifies.
 */
@Path("/v1/public/inbound")
@Tag(name = "Inbound webhooks")
public class InboundResource {

    /** The scheme of the 401's {@code WWW-Authenticate}: what the refused request lacked. */
    static final String CHALLENGE = "Standard-Webhooks realm=\"hearken-inbound\"";

    private final InboundService inbound;
    private final ObjectMapper json;
    private final long maxBodyBytes;

    public InboundResource(InboundService inbound, ObjectMapper json, HttpLimitsConfig limits) {
        this.inbound = inbound;
        this.json = json;
        this.maxBodyBytes = limits.maxBodyBytes();
    }

    /** The answer to a message taken in: {@code accepted} now, or a {@code duplicate} of one taken in before. */
    public record Receipt(String status, String feedbackId) {
    }

    @POST
    @Path("/{sourceId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a signed piece of feedback to an inbound source",
            description = "Signed per Standard Webhooks 1.0 (webhook-id, webhook-timestamp, webhook-signature) with "
                    + "the source's secret; the body is survey-service's feedback (POST /v1/feedback), its source "
                    + "set to the inbound source's name and its externalId defaulting to the webhook-id. 200 "
                    + "accepted, or 200 duplicate for a webhook-id taken in before (not forwarded again); 401 when "
                    + "the signature or the timestamp does not verify (or the source does not exist); 400 naming a "
                    + "field at fault; 413 over 64 KiB; 503 with Retry-After when the feedback cannot be kept now "
                    + "(send the same message again later).")
    public Uni<Receipt> receive(@PathParam("sourceId") String sourceId,
                                @HeaderParam("webhook-id") String messageId,
                                @HeaderParam("webhook-timestamp") String timestamp,
                                @HeaderParam("webhook-signature") String signature,
                                byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > maxBodyBytes) {
            // A body sent without a Content-Length is not caught by RequestSizeLimit before it is read.
            throw new ProblemException(413, "payload-too-large", "Payload too large", "The request body has "
                    + bytes.length + " bytes; the limit is " + maxBodyBytes + " bytes.", List.of(), null);
        }
        InboundMessage message = new InboundMessage(messageId, timestamp, signature,
                new String(bytes, StandardCharsets.UTF_8));
        return inbound.receive(sourceId, message, this::read)
                .map(receipt -> new Receipt(receipt.duplicate() ? "duplicate" : "accepted", receipt.feedbackId()));
    }

    /** A refusal of this endpoint; a 401 says which scheme would have been accepted, as HTTP asks. */
    @ServerExceptionMapper
    public Response refuse(ProblemException problem) {
        Response response = Problems.from(problem);
        return problem.status() == 401 ? Response.fromResponse(response).header("WWW-Authenticate", CHALLENGE).build()
                : response;
    }

    private InboundFeedback read(String payload) {
        if (payload.isBlank()) {
            throw ProblemException.invalidField("body", "must be the feedback as a JSON object");
        }
        InboundFeedbackRequest request;
        try {
            request = json.readValue(payload, InboundFeedbackRequest.class);
        } catch (IOException unreadable) {
            throw ProblemExceptionMappers.describe(unreadable).orElseGet(() -> new ProblemException(400,
                    "malformed-json", "Malformed JSON", "The request body is not valid JSON.", List.of(), null));
        }
        if (request == null) {
            throw ProblemException.invalidField("body", "must be the feedback as a JSON object");
        }
        return request.toFeedback();
    }
}
