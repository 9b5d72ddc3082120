package io.hearken.webhook.client;

import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.security.GatewayCredentialConfig;
import io.hearken.common.security.GatewayCredentials;
import io.hearken.common.security.ServiceCredentialFilter;
import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;

/**
 * Signs webhook-service's calls to survey-service, which admits no call without a credential. A call made on behalf
 * of a partner names it: the caller header of the outgoing request becomes the credential's caller (and leaves the
 * request), so survey-service sees who sent the feedback; without one, the call is {@code service:webhook-service}'s.
 */
@Singleton
public class SurveyServiceCredential extends ServiceCredentialFilter {

    private final GatewayCredentials credentials;

    public SurveyServiceCredential(GatewayCredentials credentials, GatewayCredentialConfig config) {
        super(credentials, config);
        this.credentials = credentials;
    }

    @Override
    protected String calledService() {
        return "survey-service";
    }

    @Override
    public void filter(ClientRequestContext request) {
        Object tenant = request.getHeaders().getFirst(TenantHeader.NAME);
        Object caller = request.getHeaders().getFirst(CallerHeader.NAME);
        request.getHeaders().remove(CallerHeader.NAME);
        if (tenant == null || caller == null) {
            super.filter(request);
            return;
        }
        request.getHeaders().putSingle(GatewayCredentials.HEADER,
                credentials.signForCaller(calledService(), tenant.toString(), caller.toString()));
    }
}
