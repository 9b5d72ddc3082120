package io.hearken.gateway.client;

/**
 * The services behind the gateway, each one a base URL in {@code hearken.gateway.*-service-url} and an application
 * name, which the credentials the gateway signs for it name as their audience.
 */
public enum Upstream {
    SURVEY("survey-service"), PROFILE("profile-service"), INSIGHT("insight-service"), WEBHOOK("webhook-service");

    private final String applicationName;

    Upstream(String applicationName) {
        this.applicationName = applicationName;
    }

    public String applicationName() {
        return applicationName;
    }
}
