package io.hearken.survey.client;

import io.hearken.common.http.TenantHeader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * profile-service's contact check, as issue 14 specifies it: may this customer be contacted now on this channel for
 * this purpose, and if not, why. Used only through {@link ContactPolicy}, which wraps it with its timeout, retry and
 * circuit breaker.
 */
@Path("/v1/profiles/contact-check")
@RegisterProvider(ProfileServiceCredential.class)
@RegisterRestClient(configKey = "profile-service")
public interface ProfileContactApi {

    /** The answer: {@code allowed}, and when not, {@code reason} (no-consent, opted-out, frequency-cap, erased). */
    record ContactDecision(boolean allowed, String reason) {
    }

    @GET
    Uni<ContactDecision> check(@HeaderParam(TenantHeader.NAME) String tenant,
                               @QueryParam("customerId") String customerId,
                               @QueryParam("channel") String channel,
                               @QueryParam("purpose") String purpose);
}
