package io.hearken.profile.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.service.ProfileService;
import io.hearken.profile.service.ProfileView;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Customer profiles of the tenant set by the gateway. */
@Path("/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profiles")
public class ProfileResource {

    private final ProfileService profiles;

    public ProfileResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GET
    @Operation(summary = "Find a profile by one of its identities",
            description = "Exactly one of email, phone or customerId; answers with identities and timeline.")
    public Uni<ProfileView> find(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                 @QueryParam("email") String email,
                                 @QueryParam("phone") String phone,
                                 @QueryParam("customerId") String customerId) {
        if (email != null) {
            return profiles.findByIdentity(tenant, IdentityKind.EMAIL, email);
        }
        if (phone != null) {
            return profiles.findByIdentity(tenant, IdentityKind.PHONE, phone);
        }
        if (customerId != null) {
            return profiles.findByIdentity(tenant, IdentityKind.CUSTOMER_ID, customerId);
        }
        throw ProblemException.invalidField("email", "give one of the query parameters email, phone, customerId");
    }

    @GET
    @Path("/{profileId}")
    @Operation(summary = "Get a profile with its identities and timeline")
    public Uni<ProfileView> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @PathParam("profileId") UUID profileId) {
        return profiles.findById(tenant, profileId);
    }
}
