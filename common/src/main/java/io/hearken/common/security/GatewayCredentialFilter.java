package io.hearken.common.security;

import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.problem.Problems;
import io.quarkus.logging.Log;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * A service's door: every API request must carry a {@link GatewayCredential} signed for this service, or it is
 * refused with 401 before any resource sees it. The tenant and caller headers the resources read are then written
 * from the credential, replacing whatever the request carried, so a caller who reaches a service without the gateway
 * cannot choose a tenant by writing a header. A respondent's credential opens only the public resource it names.
 */
public class GatewayCredentialFilter {

    /** The request property holding the verified credential, for code that needs more than the tenant. */
    public static final String PROPERTY = GatewayCredential.class.getName();
    private static final String API_PREFIX = "/v1/";

    private final GatewayCredentials credentials;
    private final String audience;

    public GatewayCredentialFilter(GatewayCredentials credentials, GatewayCredentialConfig config) {
        this.credentials = credentials;
        this.audience = config.audience();
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response admit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(API_PREFIX)) {
            return null;
        }
        GatewayCredential credential;
        try {
            credential = credentials.verify(request.getHeaderString(GatewayCredentials.HEADER), audience);
        } catch (InvalidCredentialException e) {
            Log.debugf("Refused %s %s: %s", request.getMethod(), path, e.getMessage());
            return unauthenticated();
        }
        if (steps(path) || !credential.opens(path)) {
            Log.debugf("Refused %s %s: the credential does not open it", request.getMethod(), path);
            return unauthenticated();
        }
        request.getHeaders().remove(TenantHeader.NAME);
        request.getHeaders().remove(CallerHeader.NAME);
        if (!credential.isRespondent()) {
            request.getHeaders().putSingle(TenantHeader.NAME, credential.tenant());
            request.getHeaders().putSingle(CallerHeader.NAME, credential.caller());
        }
        request.setProperty(PROPERTY, credential);
        return null;
    }

    /** A '.' or '..' segment could lead a respondent's credential out of its resource; the gateway sends none. */
    private static boolean steps(String path) {
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static Response unauthenticated() {
        return Problems.builder(401, "unauthorized", "Unauthorized",
                "This API is reached through the gateway; the request carries no valid gateway credential.",
                List.of()).header("WWW-Authenticate", "Bearer").build();
    }
}
