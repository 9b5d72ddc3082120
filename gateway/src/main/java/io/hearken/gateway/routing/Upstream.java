package io.hearken.gateway.routing;

/** The services behind the gateway. */
public enum Upstream {
    SURVEY, PROFILE, INSIGHT
}
