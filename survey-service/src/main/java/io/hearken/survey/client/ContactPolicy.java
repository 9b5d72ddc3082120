package io.hearken.survey.client;

import io.hearken.survey.config.InvitationsConfig;
import io.hearken.survey.domain.Invitation;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * Whether an invitation may go out: profile-service's answer on consent and the tenant's contact-frequency cap,
 * asked once per invitation through the one client wrapper (timeout 2 s, 2 retries with backoff, a circuit breaker
 * that stops asking a failing profile-service for 10 s). A customer profile-service does not know (404) may be
 * invited: nothing forbids it. When profile-service cannot answer, the failure propagates and the sender tries the
 * invitation again later, never sends it unchecked.
 */
@ApplicationScoped
public class ContactPolicy {

    public static final String PURPOSE = "surveys";

    private final ProfileContactApi profiles;
    private final boolean enabled;

    public ContactPolicy(@RestClient ProfileContactApi profiles, InvitationsConfig config) {
        this.profiles = profiles;
        this.enabled = config.contactCheck();
    }

    /** The decision for one invitation, with its reason. */
    public record Decision(boolean allowed, String reason) {
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = WebApplicationException.class)
    @ExponentialBackoff
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public Uni<Decision> decide(Invitation invitation) {
        if (!enabled) {
            return Uni.createFrom().item(new Decision(true, "not checked (hearken.invitations.contact-check off)"));
        }
        return profiles.check(invitation.tenant(), invitation.customerId(), invitation.channel().wireName(), PURPOSE)
                .map(answer -> new Decision(answer.allowed(), answer.allowed() ? "allowed" : answer.reason()))
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    if (((WebApplicationException) failure).getResponse().getStatus() == 404) {
                        return Uni.createFrom().item(new Decision(true, "no profile yet"));
                    }
                    return Uni.createFrom().failure(failure);
                });
    }
}
