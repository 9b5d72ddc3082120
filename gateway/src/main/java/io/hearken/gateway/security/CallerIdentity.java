package io.hearken.gateway.security;

import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.vertx.core.MultiMap;

/**
 * Who an authenticated call is made by, as the services are told: the token's subject, the route's role the token
 * holds (the first in alphabetical order when it holds several), and the tenant the caller acts for. Only the gateway
 * sets the headers that carry it, after dropping any copy a client sent.
 */
public record CallerIdentity(String subject, String role, String tenant) {

    /** {@code role:subject}, the value of {@link CallerHeader}. */
    public String caller() {
        return role + ":" + subject;
    }

    /** Sets {@link TenantHeader} and {@link CallerHeader} on the headers of the hop to the service. */
    public void putOn(MultiMap headers) {
        headers.set(TenantHeader.NAME, tenant);
        headers.set(CallerHeader.NAME, caller());
    }
}
