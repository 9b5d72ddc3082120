package io.hearken.profile.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.ContactRules.ContactDecision;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.service.ConsentService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The contact check survey-service asks before every invitation, and the tenant's contact-frequency cap. */
@Path("/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consent")
public class ContactResource {

    private final ConsentService consents;

    public ContactResource(ConsentService consents) {
        this.consents = consents;
    }

    @GET
    @Path("/contact-check")
    @Operation(summary = "May this customer be contacted now on this channel for this purpose?",
            description = "Give one of customerId, email, phone. Answers {allowed, reason}: reason is erased, "
                    + "opted-out, no-consent or frequency-cap when not allowed. 404 when no profile holds the "
                    + "identity (nothing forbids contacting them).")
    public Uni<ContactDecision> check(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                      @QueryParam("customerId") String customerId,
                                      @QueryParam("email") String email,
                                      @QueryParam("phone") String phone,
                                      @QueryParam("channel") @NotBlank String channel,
                                      @QueryParam("purpose") @NotBlank String purpose) {
        Identity identity = customerId != null ? IdentityParameters.one(IdentityKind.CUSTOMER_ID, customerId)
                : email != null ? IdentityParameters.one(IdentityKind.EMAIL, email)
                : phone != null ? IdentityParameters.one(IdentityKind.PHONE, phone)
                : null;
        if (identity == null) {
            throw ProblemException.invalidField("customerId", "give one of customerId, email, phone");
        }
        return consents.check(tenant, identity, channel, purpose).map(decision -> decision.orElseThrow(() ->
                ProblemException.notFound("Profile with " + identity.kind().parameterName(), identity.value())));
    }

    /** At most {@code maxContacts} invitations per customer in any {@code perDays} days. */
    public record ContactPolicyView(int maxContacts, int perDays) {
    }

    @GET
    @Path("/contact-policy")
    @Operation(summary = "The tenant's contact-frequency cap")
    public Uni<ContactPolicyView> policy(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant) {
        return consents.contactCap(tenant).map(cap -> new ContactPolicyView(cap.maxContacts(), cap.perDays()));
    }

    @PUT
    @Path("/contact-policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the tenant's contact-frequency cap (across all surveys and channels)")
    public Uni<ContactPolicyView> setPolicy(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                            @Valid @NotNull ContactPolicyView request) {
        return consents.setContactCap(tenant, request.maxContacts(), request.perDays())
                .map(cap -> new ContactPolicyView(cap.maxContacts(), cap.perDays()));
    }
}
