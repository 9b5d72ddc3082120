package io.hearken.webhook.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of 24 to 64 random bytes. The bytes, not
 * the text, are the HMAC key, which is what the official libraries expect of a secret in this form.
 */
public record WebhookSecret(String text) {

    public static final String PREFIX = "whsec_";
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;
    private static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecret {
        Objects.requireNonNull(text, "text");
    }

    /** A fresh secret of 32 random bytes. */
    public static WebhookSecret generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** A secret a caller chose; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static WebhookSecret parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("must start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("must be " + PREFIX + " followed by base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("must encode " + MIN_BYTES + " to " + MAX_BYTES + " bytes");
        }
        return new WebhookSecret(text);
    }

    /** The HMAC key: the decoded bytes after the prefix. */
    public byte[] key() {
        return Base64.getDecoder().decode(text.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
