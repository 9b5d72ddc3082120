package io.hearken.profile.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a tenant's identity: what is kept of an erased customer, enough to recognise a late event carrying
 * their old identity, not enough to say who they were without already knowing.
 */
public final class IdentityHash {

    private IdentityHash() {
    }

    public static String of(String tenant, Identity identity) {
        return of(tenant, identity.key());
    }

    /** The SHA-256 of any text of a tenant (an import line's canonical form). */
    public static String of(String tenant, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((tenant + "\u0000" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
