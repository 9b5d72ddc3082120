package io.hearken.gateway.security;

import io.hearken.common.security.GatewayCredential;
import io.hearken.common.security.GatewayCredentials;
import io.hearken.gateway.client.Upstream;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The credential the gateway signs for each request it relays (common {@link GatewayCredentials}), so that a service
 * admits only what came through the gateway: for an authenticated caller, their tenant and {@code role:subject}; for a
 * respondent on a public route, only the survey, invitation or inbox the path names.
 */
@ApplicationScoped
public class ServiceCredential {

    private final GatewayCredentials credentials;

    public ServiceCredential(GatewayCredentials credentials) {
        this.credentials = credentials;
    }

    /**
     * @param decodedPath the normalised, decoded path the service will see
     * @param caller      who calls; empty on a public route
     */
    public String sign(Upstream upstream, String decodedPath, Optional<CallerIdentity> caller) {
        if (caller.isPresent()) {
            return credentials.signForCaller(upstream.applicationName(), caller.get().tenant(),
                    caller.get().caller());
        }
        return credentials.signForRespondent(upstream.applicationName(),
                GatewayCredential.publicResourceOf(decodedPath));
    }
}
