package io.hearken.survey.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An invitation to answer a survey that ties the answer to a customer without a login: the link in an email or SMS
 * carries this token, and whoever presents it answers as {@code customerId} of {@code tenant}, on {@code channel}, in
 * {@code locale}, until {@code expiresAt}. The token is {@code inv1.<keyId>.<payload>.<signature>}, where the payload
 * is the fields in a length-prefixed binary form and the signature is HMAC-SHA256 over everything before it, both
 * base64url without padding, so the whole token is URL-safe and at most {@value #MAX_LENGTH} characters. The signature
 * proves we issued the fields unchanged; it does not hide them, so the payload holds ids, never personal data. Naming
 * the key in the token lets keys rotate: sign with a new key while the old one still verifies the tokens it signed,
 * and retire it once they have expired. Verifying never throws on what a stranger can send: anything that is not a
 * well-formed token is {@link Reason#MALFORMED}. A token verifies as often as it is presented until it expires;
 * making an invitation single-use is the job of the store that records used {@code invitationId}s, not of this class.
 */
public record InvitationToken(String invitationId, String tenant, String surveyId, String customerId, String channel,
                              String locale, Instant expiresAt) {

    /** Longest token accepted, in characters: long enough for generous ids, short enough for a link in an SMS. */
    public static final int MAX_LENGTH = 2048;

    private static final String VERSION = "inv1";
    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_CHARACTERS = 43; // 32 bytes of HMAC-SHA256 in base64url without padding
    private static final int MAX_KEY_ID_LENGTH = 32;
    /** The longest payload any key can sign without the token outgrowing {@link #MAX_LENGTH}. */
    private static final int MAX_PAYLOAD_CHARACTERS =
            MAX_LENGTH - (VERSION.length() + 1 + MAX_KEY_ID_LENGTH + 1 + 1 + SIGNATURE_CHARACTERS);
    private static final Pattern SHAPE = Pattern.compile(
            Pattern.quote(VERSION) + "\\.([A-Za-z0-9_-]{1," + MAX_KEY_ID_LENGTH + "})\\.([A-Za-z0-9_-]+)"
                    + "\\.([A-Za-z0-9_-]{" + SIGNATURE_CHARACTERS + "})");
    private static final int MAX_FIELD_BYTES = 0xFFFF; // the length prefix is an unsigned 16-bit number

    public InvitationToken {
        requireText("invitationId", invitationId);
        requireText("tenant", tenant);
        requireText("surveyId", surveyId);
        requireText("customerId", customerId);
        requireText("channel", channel);
        requireText("locale", locale);
        if (expiresAt == null) {
            throw new IllegalArgumentException("expiresAt is required");
        }
        // The token carries whole seconds; rounding down means it never lasts longer than asked.
        expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
        int payloadCharacters = encodedLength(payload(invitationId, tenant, surveyId, customerId, channel, locale,
                expiresAt).length);
        if (payloadCharacters > MAX_PAYLOAD_CHARACTERS) {
            throw new IllegalArgumentException("the invitation's fields are too long for a token of at most "
                    + MAX_LENGTH + " characters");
        }
    }

    /** A secret that signs invitation tokens, named so that a token can say which key to verify it with. */
    public record SigningKey(String id, byte[] secret) {

        /** HMAC-SHA256's own size: a shorter secret is easier to guess than the signature it makes. */
        public static final int MIN_SECRET_BYTES = 32;
        private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_KEY_ID_LENGTH + "}");

        public SigningKey {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a signing key id must be 1 to " + MAX_KEY_ID_LENGTH
                        + " characters from A-Z, a-z, 0-9, '_' and '-'");
            }
            if (secret == null || secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("signing key " + id + " needs a secret of at least "
                        + MIN_SECRET_BYTES + " bytes");
            }
            // Copied both ways so no caller can change the secret of a key in use.
            secret = secret.clone();
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SigningKey key && id.equals(key.id) && MessageDigest.isEqual(secret, key.secret);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }

        /** Names the key and hides the secret, so a key that reaches a log or an exception message leaks nothing. */
        @Override
        public String toString() {
            return "SigningKey[id=" + id + ", secret=<hidden>]";
        }
    }

    /** The outcome of checking a presented token: {@link Valid} with its fields, or {@link Refused} and why. */
    public sealed interface Verification permits Valid, Refused {
    }

    /** A token we signed, unchanged and not yet expired. */
    public record Valid(InvitationToken token) implements Verification {
    }

    /** A token that must not be honoured, and why. */
    public record Refused(Reason reason) implements Verification {
    }

    /** Why a token is refused, in the order they are checked. */
    public enum Reason {
        /** Not a token of this format at all: missing, too long, wrongly shaped, or with an unreadable payload. */
        MALFORMED,
        /** Signed with a key we do not hold (never had, or already retired). */
        UNKNOWN_KEY,
        /** The signature does not match the token: it was altered, forged, or signed by another key. */
        BAD_SIGNATURE,
        /** Authentic, but presented at or after {@code expiresAt}. */
        EXPIRED
    }

    /** This invitation as a token signed with {@code key}; the same fields and key always give the same token. */
    public String sign(SigningKey key) {
        Objects.requireNonNull(key, "key");
        String signed = VERSION + "." + key.id() + "." + base64(payload(invitationId, tenant, surveyId, customerId,
                channel, locale, expiresAt));
        return signed + "." + base64(hmac(key.secret(), signed));
    }

    /**
     * Checks a presented {@code token} with the key it names from {@code keysById}: valid while {@code now} is before
     * its {@code expiresAt}. Never throws for any {@code token}, however malformed.
     */
    public static Verification verify(String token, Map<String, SigningKey> keysById, Instant now) {
        Objects.requireNonNull(keysById, "keysById");
        Objects.requireNonNull(now, "now");
        if (token == null || token.length() > MAX_LENGTH) {
            return new Refused(Reason.MALFORMED);
        }
        Matcher parts = SHAPE.matcher(token);
        if (!parts.matches()) {
            return new Refused(Reason.MALFORMED);
        }
        String keyId = parts.group(1);
        InvitationToken invitation = decodePayload(parts.group(2));
        if (invitation == null) {
            return new Refused(Reason.MALFORMED);
        }
        SigningKey key = keysById.get(keyId);
        if (key == null) {
            return new Refused(Reason.UNKNOWN_KEY);
        }
        String signed = token.substring(0, parts.start(3) - 1);
        byte[] expected = base64(hmac(key.secret(), signed)).getBytes(StandardCharsets.US_ASCII);
        // Compared as text, so only the one canonical spelling of a signature is accepted.
        if (!MessageDigest.isEqual(expected, parts.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return new Refused(Reason.BAD_SIGNATURE);
        }
        if (!now.isBefore(invitation.expiresAt())) {
            return new Refused(Reason.EXPIRED);
        }
        return new Valid(invitation);
    }

    /**
     * The payload: each text field as a big-endian unsigned 16-bit byte count and its UTF-8 bytes, then
     * {@code expiresAt} as big-endian 64-bit epoch seconds. Lengths instead of separators mean no character needs
     * escaping, so any text round-trips.
     */
    private static byte[] payload(String invitationId, String tenant, String surveyId, String customerId,
                                  String channel, String locale, Instant expiresAt) {
        byte[][] fields = {utf8(invitationId), utf8(tenant), utf8(surveyId), utf8(customerId), utf8(channel),
                utf8(locale)};
        int size = Long.BYTES;
        for (byte[] field : fields) {
            if (field.length > MAX_FIELD_BYTES) {
                throw new IllegalArgumentException("an invitation field is too long for a token");
            }
            size += Short.BYTES + field.length;
        }
        ByteBuffer payload = ByteBuffer.allocate(size);
        for (byte[] field : fields) {
            payload.putShort((short) field.length).put(field);
        }
        return payload.putLong(expiresAt.getEpochSecond()).array();
    }

    /** The invitation a payload holds, or null unless it is exactly one well-formed payload and nothing more. */
    private static InvitationToken decodePayload(String encoded) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(encoded);
            // Unused low bits must be zero: one payload, one spelling.
            if (!base64(bytes).equals(encoded)) {
                return null;
            }
            ByteBuffer payload = ByteBuffer.wrap(bytes);
            String invitationId = readText(payload);
            String tenant = readText(payload);
            String surveyId = readText(payload);
            String customerId = readText(payload);
            String channel = readText(payload);
            String locale = readText(payload);
            long expiresAt = payload.getLong();
            if (payload.hasRemaining()) {
                return null;
            }
            return new InvitationToken(invitationId, tenant, surveyId, customerId, channel, locale,
                    Instant.ofEpochSecond(expiresAt));
        } catch (IllegalArgumentException | BufferUnderflowException | CharacterCodingException
                 | DateTimeException unreadable) {
            return null;
        }
    }

    private static String readText(ByteBuffer payload) throws CharacterCodingException {
        int length = Short.toUnsignedInt(payload.getShort());
        if (length > payload.remaining()) {
            throw new BufferUnderflowException();
        }
        ByteBuffer text = payload.slice().limit(length);
        payload.position(payload.position() + length);
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(text)
                .toString();
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            if (Character.isHighSurrogate(character) && index + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(index + 1))) {
                index++;
            } else if (Character.isSurrogate(character)) {
                throw new IllegalArgumentException(field + " must be valid Unicode text: it holds half of a "
                        + "surrogate pair, which cannot be encoded and would not come back the same");
            }
        }
    }

    /** UTF-8 that refuses a lone surrogate instead of silently turning it into "?", which would not round-trip. */
    private static byte[] utf8(String text) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] array = new byte[bytes.remaining()];
            bytes.get(array);
            return array;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("invitation fields must be valid Unicode text", e);
        }
    }

    private static int encodedLength(int bytes) {
        return (bytes * 4 + 2) / 3;
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hmac(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(new SecretKeySpec(secret, MAC_ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            // Every Java platform is required to provide HmacSHA256.
            throw new IllegalStateException(MAC_ALGORITHM + " is not available in this JVM", e);
        }
    }
}
