package io.hearken.gateway.security;

import io.hearken.common.http.CallerHeader;

/**
 * Who an authenticated call is made by, as the services are told: the token's subject, the route's role the token
 * holds (the first in alphabetical order when it holds several), and the tenant the caller acts for. The services
 * learn it only from the credential the gateway signs for each hop ({@link ServiceCredential}). {@code client} is the
 * application the token was issued to ({@code azp}: the console, one partner integration), which rate limits count.
 */
public record CallerIdentity(String subject, String role, String tenant, String client) {

    /** {@code role:subject}, the caller as services record it ({@link CallerHeader}). */
    public String caller() {
        return role + ":" + subject;
    }
}
