package io.hearken.webhook.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Standard Webhooks 1.0 signature: {@code v1,} and the base64 HMAC-SHA256, under the secret's key, of
 * {@code <webhook-id>.<webhook-timestamp>.<payload>}. The {@code webhook-signature} header carries one or more,
 * separated by spaces (two while a secret is rotated); a receiver accepts the message when any of them is one it
 * computes itself.
 */
public final class WebhookSignature {

    public static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The signature of one message under one secret, {@code v1,<base64>}. */
    public static String sign(WebhookSecret secret, String messageId, long timestampSeconds, String payload) {
        return VERSION + "," + Base64.getEncoder().encodeToString(mac(secret, messageId, timestampSeconds, payload));
    }

    /** The {@code webhook-signature} header: one signature per secret, space-separated. */
    public static String header(List<WebhookSecret> secrets, String messageId, long timestampSeconds,
                                String payload) {
        List<String> signatures = new ArrayList<>();
        for (WebhookSecret secret : secrets) {
            signatures.add(sign(secret, messageId, timestampSeconds, payload));
        }
        return String.join(" ", signatures);
    }

    /**
     * Whether a received message is authentic: its timestamp within {@code tolerance} of {@code now} either way,
     * and one of the header's {@code v1} signatures equal (compared in constant time) to the one computed with one
     * of the {@code secrets}.
     */
    public static Verdict verify(List<WebhookSecret> secrets, String messageId, String timestampHeader,
                                 String signatureHeader, String payload, Instant now, Duration tolerance) {
        if (messageId == null || messageId.isBlank() || timestampHeader == null || signatureHeader == null) {
            return Verdict.MISSING_HEADERS;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException notSeconds) {
            return Verdict.BAD_TIMESTAMP;
        }
        // Compared as bounds, not as Math.abs(now - timestamp): that difference overflows for a timestamp near
        // Long.MIN_VALUE + now, and Math.abs(Long.MIN_VALUE) is negative, so such a timestamp would pass.
        long earliest = now.getEpochSecond() - tolerance.toSeconds();
        long latest = now.getEpochSecond() + tolerance.toSeconds();
        if (timestamp < earliest || timestamp > latest) {
            return Verdict.BAD_TIMESTAMP;
        }
        for (WebhookSecret secret : secrets) {
            byte[] expected = mac(secret, messageId, timestamp, payload);
            for (String candidate : signatureHeader.trim().split(" +")) {
                int comma = candidate.indexOf(',');
                if (comma < 0 || !VERSION.equals(candidate.substring(0, comma))) {
                    continue;
                }
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(candidate.substring(comma + 1));
                } catch (IllegalArgumentException notBase64) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return Verdict.VALID;
                }
            }
        }
        return Verdict.BAD_SIGNATURE;
    }

    /** The outcome of {@link #verify}. */
    public enum Verdict {
        VALID, MISSING_HEADERS, BAD_TIMESTAMP, BAD_SIGNATURE
    }

    private static byte[] mac(WebhookSecret secret, String messageId, long timestampSeconds, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
            return mac.doFinal((messageId + "." + timestampSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
