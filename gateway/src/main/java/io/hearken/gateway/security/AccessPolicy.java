package io.hearken.gateway.security;

import io.hearken.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Set;

/**
 * Whether a caller may make a call that needs one of a route's roles: they must be authenticated (401 otherwise),
 * hold one of the roles (403 {@code forbidden}) and have a tenant in their token (403 {@code no-tenant}). Admitted,
 * they become the {@link CallerIdentity} the service is told about. Public routes never come here.
 */
@ApplicationScoped
public class AccessPolicy {

    private final TenantResolver tenants;

    public AccessPolicy(TenantResolver tenants) {
        this.tenants = tenants;
    }

    /**
     * The caller, admitted to a route allowing {@code rolesAllowed}, or a {@link ProblemException} saying why not.
     *
     * @param identity the verified identity, null or anonymous when the request has no valid token
     */
    public CallerIdentity admit(Set<String> rolesAllowed, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw unauthenticated();
        }
        // A token without a tenant is no credential for this API at all, whatever its roles: 401 before 403.
        String tenant = tenants.tenantOf(identity).orElseThrow(() -> new ProblemException(401, "no-tenant",
                "Unauthorized", "The token names no tenant (claim '" + tenants.claim() + "').", List.of(), null));
        List<String> held = rolesAllowed.stream().filter(identity::hasRole).sorted().toList();
        if (held.isEmpty()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "This call needs one of the roles "
                    + String.join(", ", rolesAllowed.stream().sorted().toList()) + ".", List.of(), null);
        }
        return new CallerIdentity(identity.getPrincipal().getName(), held.get(0), tenant, clientOf(identity));
    }

    /** The client the token was issued to ({@code azp}), or "unknown" when it names none. */
    private static String clientOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object azp = token.getClaim("azp");
            String client = azp == null ? "" : azp.toString().replace("\"", "");
            if (client.matches("[A-Za-z0-9._:-]{1,100}")) {
                return client;
            }
        }
        return "unknown";
    }

    /** The refusal of a request without a valid bearer token. */
    public static ProblemException unauthenticated() {
        return new ProblemException(401, "unauthorized", "Unauthorized", "A valid bearer token is required.",
                List.of(), null);
    }
}
