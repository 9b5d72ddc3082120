package io.hearken.gateway.security;

import io.hearken.gateway.config.GatewayConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Which tenant (workspace) a caller acts for: the claim {@code hearken.gateway.tenant-claim} of their verified access
 * token, never anything the request itself says. An identity that is not a JWT, or a token without the claim or
 * with a blank one, names no tenant.
 */
@ApplicationScoped
public class TenantResolver {

    private final String claim;

    @Inject
    public TenantResolver(GatewayConfig config) {
        this(config.tenantClaim());
    }

    TenantResolver(String claim) {
        this.claim = claim;
    }

    /** The name of the claim read, for refusals that tell the caller what their token lacks. */
    public String claim() {
        return claim;
    }

    public Optional<String> tenantOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(claim);
            // A JSON string claim prints with its quotes.
            String tenant = value == null ? null : value.toString().replace("\"", "");
            return tenant == null || tenant.isBlank() ? Optional.empty() : Optional.of(tenant);
        }
        return Optional.empty();
    }
}
