package io.hearken.survey.client;

import io.hearken.common.security.GatewayCredentialConfig;
import io.hearken.common.security.GatewayCredentials;
import io.hearken.common.security.ServiceCredentialFilter;
import jakarta.inject.Singleton;

/** Signs survey-service's calls to profile-service: profile-service admits no call without a credential. */
@Singleton
public class ProfileServiceCredential extends ServiceCredentialFilter {

    public ProfileServiceCredential(GatewayCredentials credentials, GatewayCredentialConfig config) {
        super(credentials, config);
    }

    @Override
    protected String calledService() {
        return "profile-service";
    }
}
