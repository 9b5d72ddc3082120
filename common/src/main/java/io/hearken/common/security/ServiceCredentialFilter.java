package io.hearken.common.security;

import io.hearken.common.http.TenantHeader;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Signs a call from one service to another, as the gateway signs the calls it relays: a caller's credential for the
 * tenant of the call ({@link TenantHeader} on the outgoing request), made by {@code service:<this service>}. A
 * service's REST client registers a subclass naming the service it calls.
 */
public abstract class ServiceCredentialFilter implements ClientRequestFilter {

    private final GatewayCredentials credentials;
    private final String caller;

    protected ServiceCredentialFilter(GatewayCredentials credentials, GatewayCredentialConfig config) {
        this.credentials = credentials;
        this.caller = "service:" + config.audience();
    }

    /** The application name of the service called. */
    protected abstract String calledService();

    @Override
    public void filter(ClientRequestContext request) {
        Object tenant = request.getHeaders().getFirst(TenantHeader.NAME);
        if (tenant != null) {
            request.getHeaders().putSingle(GatewayCredentials.HEADER,
                    credentials.signForCaller(calledService(), tenant.toString(), caller));
        }
    }
}
