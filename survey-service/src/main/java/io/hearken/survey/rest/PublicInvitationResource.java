package io.hearken.survey.rest;

import io.hearken.common.problem.ProblemException;
import io.hearken.survey.config.InvitationsConfig;
import io.hearken.survey.domain.SmsSignature;
import io.hearken.survey.service.InvitationService;
import io.hearken.survey.service.ResponseService;
import io.hearken.survey.service.SmsReplies;
import io.hearken.survey.service.SurveyCatalog;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What invited respondents reach without logging in: the invitation behind a link (and the survey to render), and
 * the SMS provider's webhook for text replies, which must carry the provider's signature.
 */
@Path("/v1/public")
@Tag(name = "Respondents")
public class PublicInvitationResource {

    static final String SIGNATURE = "X-Twilio-Signature";

    private final InvitationService invitations;
    private final SurveyCatalog catalog;
    private final ResponseService responses;
    private final SmsReplies replies;
    private final InvitationsConfig config;

    public PublicInvitationResource(InvitationService invitations, SurveyCatalog catalog, ResponseService responses,
                                    SmsReplies replies, InvitationsConfig config) {
        this.invitations = invitations;
        this.catalog = catalog;
        this.responses = responses;
        this.replies = replies;
        this.config = config;
    }

    /** The invitation a link opens: whose it is (no personal data), its language, and the survey to answer. */
    public record OpenedInvitation(String invitationId, String surveyId, String locale, Instant expiresAt,
                                   String status, PublicSurveyResource.PublicSurvey survey) {
    }

    @GET
    @Path("/invitations/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open an invitation link",
            description = "Checks the signed token (400 if forged, 410 once expired), marks the invitation opened, "
                    + "and returns the survey to render in the invitation's language. Submit with the token as "
                    + "'invitation'; an invitation takes one response (409 after that).")
    public Uni<OpenedInvitation> open(@PathParam("token") String token) {
        return invitations.open(token).chain(tracked -> catalog.find(tracked.invitation().surveyId())
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Survey",
                        tracked.invitation().surveyId())))
                .chain(survey -> responses.versionAnswered(survey, null))
                .map(version -> new OpenedInvitation(tracked.invitation().id(), tracked.invitation().surveyId(),
                        tracked.invitation().locale(), tracked.invitation().expiresAt(), tracked.status().name(),
                        PublicSurveyResource.PublicSurvey.of(version))));
    }

    @POST
    @Path("/sms/inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The SMS provider's webhook for replies",
            description = "Form-encoded as providers post it (From, To, Body, MessageSid, ...), signed with the "
                    + "account's auth token (X-Twilio-Signature over the configured public URL and the parameters); "
                    + "an unsigned or forged request is 403. Answers with the text to send back (TwiML).")
    public Uni<String> inbound(@HeaderParam(SIGNATURE) String signature, MultivaluedMap<String, String> form) {
        Map<String, List<String>> parameters = form.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (!SmsSignature.verify(config.sms().authToken(), config.sms().inboundUrl(), parameters, signature)) {
            throw new ProblemException(403, "bad-signature", "Signature does not match",
                    "The request is not signed by the SMS provider account configured here.", List.of(), null);
        }
        String from = form.getFirst("From");
        String body = form.getFirst("Body");
        if (from == null || body == null) {
            throw ProblemException.invalidField(from == null ? "From" : "Body", "is required");
        }
        return replies.receive(from, body).map(outcome -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Message>" + xmlEscaped(outcome.reply()) + "</Message></Response>");
    }

    private static String xmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
