package io.hearken.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the CX console needs to log a person in ({@code hearken.console.*}), served to it as {@code
 * /console/config.json}: the console is static files, so this is the one place the installation's Keycloak is named.
 */
@ConfigMapping(prefix = "hearken.console")
public interface ConsoleConfig {

    /**
     * Keycloak's base URL as a person's browser reaches it, e.g. {@code https://login.example.com}. It differs from the
     * gateway's own {@code KEYCLOAK_URL} where the gateway reaches Keycloak inside a cluster.
     */
    String keycloakUrl();

    /** The realm people log in to. */
    @WithDefault("hearken")
    String realm();

    /** The public client the console logs in with (authorization code with PKCE, no secret). */
    @WithDefault("hearken-web")
    String clientId();
}
