package io.hearken.survey.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A client's Idempotency-Key. Keys of public submissions are public (anyone may send any key to any survey), so a
 * short or guessable key would let a stranger claim a respondent's key or probe whether a guessed answer matches:
 * a key must be 16 to 128 characters from the URL-safe alphabet, which a random UUID satisfies.
 */
public record IdempotencyKey(String value) {

    public static final String RULE = "must be 16 to 128 characters from A-Z, a-z, 0-9, '-', '_', '.' and '~', such as "
            + "a random UUID (a short or guessable key would let a stranger claim it)";
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._~-]{16,128}");

    public IdempotencyKey {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /**
     * The key of a record that carries none, from its exact content: a device that uploads the same batch again
     * sends the same lines, which then are the same responses, kept once.
     */
    public static IdempotencyKey ofContent(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return new IdempotencyKey("content-" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Whether {@code value} is an acceptable key. */
    public static boolean isValid(String value) {
        return value != null && ALLOWED.matcher(value).matches();
    }
}
