package io.hearken.gateway.client;

/** The services behind the gateway, each one a base URL in {@code hearken.gateway.*-service-url}. */
public enum Upstream {
    SURVEY, PROFILE, INSIGHT
}
