package io.hearken.survey.domain;

import io.hearken.survey.domain.InvitationToken.Reason;
import io.hearken.survey.domain.InvitationToken.Refused;
import io.hearken.survey.domain.InvitationToken.SigningKey;
import io.hearken.survey.domain.InvitationToken.Valid;
import io.hearken.survey.domain.InvitationToken.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which presented invitation tokens are honoured, and that every other string is refused without an exception. */
class InvitationTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-03-15T09:00:00Z");
    private static final SigningKey KEY_2026 = new SigningKey("k2026", secret('a'));
    private static final SigningKey KEY_2025 = new SigningKey("k2025", secret('b'));
    private static final Map<String, SigningKey> KEYS = Map.of(KEY_2026.id(), KEY_2026, KEY_2025.id(), KEY_2025);
    private static final InvitationToken INVITATION = new InvitationToken("inv-0001", "acme", "s-nps", "cust-42",
            "sms", "en", EXPIRES);

    private static byte[] secret(char fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }

    private static InvitationToken expiringAt(Instant expiresAt) {
        return new InvitationToken("inv-0001", "acme", "s-nps", "cust-42", "sms", "en", expiresAt);
    }

    private static Verification verify(String token) {
        return InvitationToken.verify(token, KEYS, NOW);
    }

    private static InvitationToken valid(Verification verification) {
        return assertInstanceOf(Valid.class, verification, () -> "expected valid, was " + verification).token();
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** HMAC-SHA256 written out here, independently of the class under test. */
    private static String hmacSha256(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return base64Url(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token around any payload bytes, correctly signed with {@link #KEY_2026}: only the payload is at fault. */
    private static String signedAround(byte[] payload) {
        String signed = "inv1." + KEY_2026.id() + "." + base64Url(payload);
        return signed + "." + hmacSha256(KEY_2026.secret(), signed);
    }

    /** The payload format written out independently: 16-bit length and UTF-8 per field, then 64-bit epoch seconds. */
    private static byte[] payload(long epochSeconds, byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] field : fields) {
            out.write(field.length >> 8);
            out.write(field.length & 0xFF);
            out.writeBytes(field);
        }
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(epochSeconds).array());
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] payload(long epochSeconds, String... fields) {
        return payload(epochSeconds, Arrays.stream(fields).map(InvitationTokenTest::utf8).toArray(byte[][]::new));
    }

    private static String[] parts(String token) {
        return token.split("\\.", -1);
    }

    /**
     * The same bytes spelled another way: the last character of a base64 text whose length is not a multiple of 4
     * carries unused bits, zero in the canonical spelling, and Java's decoder ignores them.
     */
    private static String respelled(String base64Url) {
        assertNotEquals(0, base64Url.length() % 4, "the text must end in a character with unused bits");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(base64Url.charAt(base64Url.length() - 1));
        return base64Url.substring(0, base64Url.length() - 1) + alphabet.charAt(last | 1);
    }

    @Test
    void roundTripsEveryFieldIncludingJapaneseAndChineseText() {
        InvitationToken invitation = new InvitationToken("招待-0001", "株式会社アクメ", "满意度调查", "顧客 42 / ü+é=%.",
                "sms", "zh-Hant-TW", EXPIRES);
        assertEquals(invitation, valid(verify(invitation.sign(KEY_2026))));
        InvitationToken emoji = new InvitationToken("i\uD83D\uDE00", "t\n\t", "s.|", "c\u0000", "line", "ja-JP",
                EXPIRES);
        assertEquals(emoji, valid(verify(emoji.sign(KEY_2026))));
    }

    @Test
    void isUrlSafeAndNamesItsKey() {
        InvitationToken invitation = new InvitationToken("招待", "アクメ", "调查", "顧客/42?&=#", "email", "ja", EXPIRES);
        String token = invitation.sign(KEY_2026);
        assertTrue(token.matches("[A-Za-z0-9._-]+"), token);
        assertEquals(4, parts(token).length);
        assertTrue(token.startsWith("inv1.k2026."), token);
    }

    @Test
    void signsWithHmacSha256OverEverythingBeforeTheSignature() {
        String token = INVITATION.sign(KEY_2026);
        String[] parts = parts(token);
        assertEquals(hmacSha256(KEY_2026.secret(), parts[0] + "." + parts[1] + "." + parts[2]), parts[3]);
        assertArrayEquals(payload(EXPIRES.getEpochSecond(), "inv-0001", "acme", "s-nps", "cust-42", "sms", "en"),
                Base64.getUrlDecoder().decode(parts[2]));
    }

    @Test
    void signsTheSameInvitationTheSameWayAndEachKeyDifferently() {
        assertEquals(INVITATION.sign(KEY_2026), INVITATION.sign(new SigningKey("k2026", secret('a'))));
        assertNotEquals(parts(INVITATION.sign(KEY_2026))[3], parts(INVITATION.sign(new SigningKey("k2026",
                secret('c'))))[3]);
    }

    @Test
    void isValidUntilTheSecondBeforeItExpires() {
        String token = INVITATION.sign(KEY_2026);
        Map<String, SigningKey> keys = Map.of(KEY_2026.id(), KEY_2026);
        assertEquals(INVITATION, valid(InvitationToken.verify(token, keys, EXPIRES.minusNanos(1))));
        assertEquals(new Refused(Reason.EXPIRED), InvitationToken.verify(token, keys, EXPIRES));
        assertEquals(new Refused(Reason.EXPIRED),
                InvitationToken.verify(token, keys, EXPIRES.plus(Duration.ofDays(400))));
    }

    @Test
    void keepsTheExpiryToTheWholeSecondRoundingDown() {
        InvitationToken invitation = expiringAt(Instant.parse("2026-03-15T09:00:00.999999999Z"));
        assertEquals(EXPIRES, invitation.expiresAt());
        assertEquals(invitation, valid(verify(invitation.sign(KEY_2026))));
    }

    @Test
    void refusesAPayloadPairedWithAnotherPayloadsSignature() {
        String[] genuine = parts(INVITATION.sign(KEY_2026));
        String[] other = parts(new InvitationToken("inv-0001", "acme", "s-nps", "cust-43", "sms", "en", EXPIRES)
                .sign(KEY_2026));
        String forged = genuine[0] + "." + genuine[1] + "." + other[2] + "." + genuine[3];
        assertEquals(new Refused(Reason.BAD_SIGNATURE), verify(forged));
    }

    @Test
    void refusesAnEditedPayloadUnderTheOriginalSignature() {
        String[] genuine = parts(INVITATION.sign(KEY_2026));
        long later = EXPIRES.plus(Duration.ofDays(365)).getEpochSecond();
        String edited = base64Url(payload(later, "inv-0001", "acme", "s-nps", "cust-42", "sms", "en"));
        assertEquals(new Refused(Reason.BAD_SIGNATURE),
                verify(genuine[0] + "." + genuine[1] + "." + edited + "." + genuine[3]));
    }

    @Test
    void refusesATokenRelabelledWithAnotherKeyId() {
        String signedBy2025 = INVITATION.sign(KEY_2025);
        assertEquals(new Refused(Reason.BAD_SIGNATURE), verify(signedBy2025.replace(".k2025.", ".k2026.")));
        String[] by2026 = parts(INVITATION.sign(KEY_2026));
        String signatureOf2025 = parts(signedBy2025)[3];
        assertEquals(new Refused(Reason.BAD_SIGNATURE),
                verify(by2026[0] + "." + by2026[1] + "." + by2026[2] + "." + signatureOf2025));
    }

    @Test
    void refusesAKeyItDoesNotHold() {
        String token = INVITATION.sign(new SigningKey("k2024", secret('a')));
        assertEquals(new Refused(Reason.UNKNOWN_KEY), verify(token));
        assertEquals(new Refused(Reason.UNKNOWN_KEY), InvitationToken.verify(INVITATION.sign(KEY_2026), Map.of(), NOW));
    }

    @Test
    void verifiesTokensOfTheOldKeyUntilItIsRetired() {
        String old = INVITATION.sign(KEY_2025);
        String fresh = INVITATION.sign(KEY_2026);
        assertEquals(INVITATION, valid(verify(old)));
        assertEquals(INVITATION, valid(verify(fresh)));
        Map<String, SigningKey> afterRetirement = Map.of(KEY_2026.id(), KEY_2026);
        assertEquals(new Refused(Reason.UNKNOWN_KEY), InvitationToken.verify(old, afterRetirement, NOW));
        assertEquals(INVITATION, valid(InvitationToken.verify(fresh, afterRetirement, NOW)));
    }

    static Stream<Arguments> malformedTokens() {
        String token = INVITATION.sign(KEY_2026);
        String[] part = parts(token);
        String payload = part[2];
        String signature = part[3];
        String body = part[0] + "." + part[1] + ".";
        byte[] fields = payload(EXPIRES.getEpochSecond(), "inv-0001", "acme", "s-nps", "cust-42", "sms", "en");
        byte[] garbage = new byte[64];
        new Random(7).nextBytes(garbage);
        byte[] oneByteMore = Arrays.copyOf(fields, fields.length + 1);
        byte[] oneByteShort = Arrays.copyOf(fields, fields.length - 1);
        byte[] lengthPastTheEnd = fields.clone();
        lengthPastTheEnd[0] = (byte) 0xFF;
        return Stream.of(
                arguments("null", null),
                arguments("empty", ""),
                arguments("blank", "   "),
                arguments("prefix only", "inv1"),
                arguments("dots only", "inv1..."),
                arguments("another version", token.replaceFirst("inv1", "inv2")),
                arguments("upper-case prefix", token.replaceFirst("inv1", "INV1")),
                arguments("text before the prefix", "x" + token),
                arguments("no prefix", token.substring(5)),
                arguments("three parts", body + payload),
                arguments("five parts", token + ".x"),
                arguments("trailing dot", token + "."),
                arguments("surrounding space", " " + token + " "),
                arguments("trailing newline", token + "\n"),
                arguments("empty key id", "inv1.." + payload + "." + signature),
                arguments("key id of 33 characters", "inv1." + "k".repeat(33) + "." + payload + "." + signature),
                arguments("key id with a plus", "inv1.k+2026." + payload + "." + signature),
                arguments("empty payload", body + "." + signature),
                arguments("standard base64 characters", body + payload + "+/=." + signature),
                arguments("padded payload", body + payload + "==." + signature),
                arguments("non-ASCII payload", body + "ｐａｙｌｏａｄ." + signature),
                arguments("payload of impossible length", body + "A." + signature),
                arguments("payload with unused bits set", body + respelled(payload) + "." + signature),
                arguments("signature one short", body + payload + "." + signature.substring(1)),
                arguments("signature one long", token + "A"),
                arguments("padded signature", token + "="),
                arguments("oversized", body + "A".repeat(InvitationToken.MAX_LENGTH) + "." + signature),
                arguments("garbage payload, correctly signed", signedAround(garbage)),
                arguments("empty payload bytes, correctly signed", signedAround(new byte[0])),
                arguments("a byte after the payload, correctly signed", signedAround(oneByteMore)),
                arguments("payload cut short, correctly signed", signedAround(oneByteShort)),
                arguments("field length past the end, correctly signed", signedAround(lengthPastTheEnd)),
                arguments("invalid UTF-8, correctly signed", signedAround(payload(EXPIRES.getEpochSecond(),
                        utf8("inv"), new byte[]{(byte) 0xC3, 0x28}, utf8("s"), utf8("c"), utf8("sms"), utf8("en")))),
                arguments("overlong UTF-8, correctly signed", signedAround(payload(EXPIRES.getEpochSecond(),
                        utf8("inv"), new byte[]{(byte) 0xC0, (byte) 0xAF}, utf8("s"), utf8("c"), utf8("sms"),
                        utf8("en")))),
                arguments("encoded lone surrogate, correctly signed", signedAround(payload(EXPIRES.getEpochSecond(),
                        utf8("inv"), new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("s"), utf8("c"),
                        utf8("sms"), utf8("en")))),
                arguments("blank field, correctly signed", signedAround(payload(EXPIRES.getEpochSecond(),
                        "inv", " ", "s", "c", "sms", "en"))),
                arguments("five fields, correctly signed", signedAround(payload(EXPIRES.getEpochSecond(),
                        "inv", "t", "s", "c", "sms"))),
                arguments("expiry beyond any instant, correctly signed", signedAround(payload(Long.MAX_VALUE,
                        "inv", "t", "s", "c", "sms", "en"))));
    }

    @Test
    void refusesAnotherSpellingOfTheSamePayloadThoughItDecodesToTheSameBytes() {
        String[] part = parts(INVITATION.sign(KEY_2026));
        String respelled = respelled(part[2]);
        assertArrayEquals(Base64.getUrlDecoder().decode(part[2]), Base64.getUrlDecoder().decode(respelled));
        assertEquals(new Refused(Reason.MALFORMED), verify(part[0] + "." + part[1] + "." + respelled + "." + part[3]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTokens")
    void refusesEveryMalformedShapeAsMalformed(String shape, String token) {
        assertEquals(new Refused(Reason.MALFORMED), verify(token));
    }

    @Test
    void neverThrowsWhateverCharacterIsChangedOrCutOff() {
        String token = new InvitationToken("招待", "acme", "s", "c", "sms", "ja", EXPIRES).sign(KEY_2026);
        String replacements = "Aa0_-.=+/ \u0000é\uFF21\uD800";
        for (int index = 0; index < token.length(); index++) {
            for (char replacement : replacements.toCharArray()) {
                if (token.charAt(index) == replacement) {
                    continue;
                }
                String changed = token.substring(0, index) + replacement + token.substring(index + 1);
                assertInstanceOf(Refused.class, verify(changed), changed);
            }
            assertInstanceOf(Refused.class, verify(token.substring(0, index)), token.substring(0, index));
        }
    }

    @Test
    void signsTheLongestInvitationWithTheLongestKeyIdWithinTheLimit() {
        SigningKey longest = new SigningKey("k".repeat(32), secret('d'));
        String customerId = "c".repeat(1000);
        InvitationToken largest = null;
        for (int length = 1; ; length++) {
            try {
                largest = new InvitationToken("i".repeat(length), "t", "s", customerId, "sms", "en", EXPIRES);
            } catch (IllegalArgumentException tooLong) {
                break;
            }
        }
        String token = largest.sign(longest);
        assertTrue(token.length() <= InvitationToken.MAX_LENGTH, () -> "length " + token.length());
        assertTrue(token.length() > InvitationToken.MAX_LENGTH - 4, () -> "length " + token.length());
        assertEquals(largest, valid(InvitationToken.verify(token, Map.of(longest.id(), longest), NOW)));
    }

    @Test
    void requiresEveryFieldAsValidUnicodeText() {
        assertThrows(IllegalArgumentException.class, () -> new InvitationToken(null, "t", "s", "c", "sms", "en",
                EXPIRES));
        assertThrows(IllegalArgumentException.class, () -> new InvitationToken("i", " ", "s", "c", "sms", "en",
                EXPIRES));
        assertThrows(IllegalArgumentException.class, () -> new InvitationToken("i", "t", "", "c", "sms", "en",
                EXPIRES));
        assertThrows(IllegalArgumentException.class, () -> new InvitationToken("i", "t", "s", "c\uD800", "sms", "en",
                EXPIRES));
        assertThrows(IllegalArgumentException.class, () -> new InvitationToken("i", "t", "s", "\uDC00c", "sms", "en",
                EXPIRES));
        assertThrows(IllegalArgumentException.class, () -> new InvitationToken("i", "t", "s", "c", "sms", "en",
                null));
        assertThrows(IllegalArgumentException.class, () -> new InvitationToken("i", "t", "s", "c".repeat(5000),
                "sms", "en", EXPIRES));
    }

    @Test
    void requiresASafeKeyIdAndALongEnoughSecret() {
        assertThrows(IllegalArgumentException.class, () -> new SigningKey("", secret('a')));
        assertThrows(IllegalArgumentException.class, () -> new SigningKey("k".repeat(33), secret('a')));
        assertThrows(IllegalArgumentException.class, () -> new SigningKey("k.1", secret('a')));
        assertThrows(IllegalArgumentException.class, () -> new SigningKey(null, secret('a')));
        assertThrows(IllegalArgumentException.class, () -> new SigningKey("k1", new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new SigningKey("k1", null));
        assertEquals("K_z-9", new SigningKey("K_z-9", new byte[32]).id());
    }

    @Test
    void hidesTheSecretFromToStringAndFromCallers() {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        SigningKey key = new SigningKey("k1", secret);
        assertEquals("SigningKey[id=k1, secret=<hidden>]", key.toString());
        assertFalse(key.toString().contains("0123"));
        String before = INVITATION.sign(key);
        secret[0] = 'X';
        key.secret()[1] = 'Y';
        assertEquals(before, INVITATION.sign(key));
        assertEquals(new SigningKey("k1", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)),
                key);
    }

    @Test
    void requiresKeysAndAClockButNotAToken() {
        assertThrows(NullPointerException.class, () -> InvitationToken.verify("x", null, NOW));
        assertThrows(NullPointerException.class, () -> InvitationToken.verify("x", KEYS, null));
        assertEquals(new Refused(Reason.MALFORMED), InvitationToken.verify(null, KEYS, NOW));
    }
}
