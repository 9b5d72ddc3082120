package io.hearken.profile.client;

import io.hearken.common.security.GatewayCredentialConfig;
import io.hearken.common.security.GatewayCredentials;
import io.hearken.common.security.ServiceCredentialFilter;
import jakarta.inject.Singleton;

/** Signs profile-service's calls to survey-service: survey-service admits no call without a credential. */
@Singleton
public class SurveyServiceCredential extends ServiceCredentialFilter {

    public SurveyServiceCredential(GatewayCredentials credentials, GatewayCredentialConfig config) {
        super(credentials, config);
    }

    @Override
    protected String calledService() {
        return "survey-service";
    }
}
