package io.hearken.gateway.security;

import io.hearken.gateway.config.GatewayConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which tenant (workspace) a caller acts for: the claim {@code hearken.gateway.tenant-claim} of their verified access
 * token, never anything the request itself says. An identity that is not a JWT, or a token without the claim, with
 * one that is not a string, or with one that is not a tenant id (letters, digits, '.', '_', '-'), names no tenant.
 */
@ApplicationScoped
public class TenantResolver {

    /**
     * What a tenant id may be: it travels as a header and a key in every store, so odd characters (spaces, slashes,
     * quotes, control characters) name no tenant rather than one the services would each read differently.
     */
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

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
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object value = token.getClaim(claim);
        // Only a string names a tenant: an array or an object printed as text must not become one.
        String tenant = value instanceof JsonString json ? json.getString()
                : value instanceof String text ? text : null;
        return tenant != null && TENANT_ID.matcher(tenant).matches() ? Optional.of(tenant) : Optional.empty();
    }
}
