package io.hearken.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The key the gateway signs its credentials with and the services verify them with ({@code hearken.credential.*}).
 * Shared by the gateway and the services only: whoever holds it can act for any tenant, so it comes from a secret
 * ({@code HEARKEN_CREDENTIAL_KEY}), never from a default.
 */
@ConfigMapping(prefix = "hearken.credential")
public interface GatewayCredentialConfig {

    /** The HMAC-SHA256 key credentials are signed with, at least 32 characters (the launcher: 32 bytes, base64). */
    String key();

    /**
     * Other keys whose credentials are admitted too, for rotating {@link #key()} without refusing anything: first
     * every process admits the new key here while signing with the old, then signs with the new and keeps the old
     * here, then drops it ({@code HEARKEN_CREDENTIAL_ACCEPTED_KEYS}, comma-separated).
     */
    Optional<List<String>> acceptedKeys();

    /** Who this process is, as the credentials sent to it name it ({@code aud}): its application name. */
    @WithDefault("${quarkus.application.name}")
    String audience();

    /** How long a credential the gateway or a service signs stays valid: one hop, so seconds. */
    @WithDefault("60s")
    Duration lifetime();
}
