package io.hearken.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The key the gateway signs its credentials with and the services verify them with ({@code hearken.credential.*}).
 * Shared by the gateway and the services only: whoever holds it can act for any tenant, so it comes from a secret
 * ({@code HEARKEN_CREDENTIAL_KEY}), never from a default.
 */
@ConfigMapping(prefix = "hearken.credential")
public interface GatewayCredentialConfig {

    /** The HMAC-SHA256 key, at least 32 characters (the launcher writes 32 random bytes in base64). */
    String key();

    /** Who this process is, as the credentials sent to it name it ({@code aud}): its application name. */
    @WithDefault("${quarkus.application.name}")
    String audience();

    /** How long a credential the gateway or a service signs stays valid: one hop, so seconds. */
    @WithDefault("60s")
    Duration lifetime();
}
