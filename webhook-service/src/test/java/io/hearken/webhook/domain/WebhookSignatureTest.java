package io.hearken.webhook.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    // The example of the Standard Webhooks specification (and of its libraries' own tests)
    private static final WebhookSecret SPEC_SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330;
    private static final String SPEC_PAYLOAD = "{\"test\": 2432232314}";
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Instant THEN = Instant.ofEpochSecond(SPEC_TIMESTAMP);

    @Test
    void signsTheSpecificationsExample() {
        assertEquals(SPEC_SIGNATURE, WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD));
    }

    @Test
    void acceptsTheSpecificationsExample() {
        assertEquals(WebhookSignature.Verdict.VALID, verify(List.of(SPEC_SECRET), SPEC_SIGNATURE, THEN));
    }

    @Test
    void acceptsAnyOfSeveralSignaturesInTheHeader() {
        String other = WebhookSignature.sign(WebhookSecret.generate(), SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD);
        assertEquals(WebhookSignature.Verdict.VALID,
                verify(List.of(SPEC_SECRET), other + " " + SPEC_SIGNATURE, THEN));
        assertEquals(WebhookSignature.Verdict.VALID,
                verify(List.of(SPEC_SECRET), SPEC_SIGNATURE + "   " + other, THEN));
    }

    @Test
    void aHeaderOfTwoSecretsIsAcceptedByEitherSecret() {
        WebhookSecret next = WebhookSecret.generate();
        String header = WebhookSignature.header(List.of(SPEC_SECRET, next), SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD);
        assertEquals(2, header.split(" ").length);
        assertEquals(WebhookSignature.Verdict.VALID, verify(List.of(SPEC_SECRET), header, THEN));
        assertEquals(WebhookSignature.Verdict.VALID, verify(List.of(next), header, THEN));
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE, verify(List.of(WebhookSecret.generate()), header, THEN));
    }

    @Test
    void acceptsWhenAnyOfTheReceiversSecretsSigned() {
        List<WebhookSecret> current = List.of(WebhookSecret.generate(), SPEC_SECRET);
        assertEquals(WebhookSignature.Verdict.VALID, verify(current, SPEC_SIGNATURE, THEN));
    }

    @Test
    void ignoresEntriesOfOtherVersions() {
        String v2 = "v2," + SPEC_SIGNATURE.substring(3);
        String v1a = "v1a," + SPEC_SIGNATURE.substring(3);
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE, verify(List.of(SPEC_SECRET), v2, THEN));
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE, verify(List.of(SPEC_SECRET), v2 + " " + v1a, THEN));
        assertEquals(WebhookSignature.Verdict.VALID, verify(List.of(SPEC_SECRET), v2 + " " + SPEC_SIGNATURE, THEN));
    }

    @Test
    void skipsEntriesThatAreNotBase64OrHaveNoVersion() {
        String header = "v1,%%%not-base64%%% v1, v1 ,,, " + SPEC_SIGNATURE.substring(3) + " " + SPEC_SIGNATURE;
        assertEquals(WebhookSignature.Verdict.VALID, verify(List.of(SPEC_SECRET), header, THEN));
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE,
                verify(List.of(SPEC_SECRET), "v1,%%%not-base64%%% v1,", THEN));
    }

    @Test
    void refusesATruncatedOrExtendedSignature() {
        byte[] mac = Base64.getDecoder().decode(SPEC_SIGNATURE.substring(3));
        byte[] shorter = Arrays.copyOf(mac, mac.length - 1);
        byte[] longer = Arrays.copyOf(mac, mac.length + 1);
        for (byte[] wrong : List.of(shorter, longer, new byte[0])) {
            assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE, verify(List.of(SPEC_SECRET),
                    "v1," + Base64.getEncoder().encodeToString(wrong), THEN));
        }
    }

    @Test
    void refusesAnotherPayloadIdOrTimestamp() {
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE, WebhookSignature.verify(List.of(SPEC_SECRET), SPEC_ID,
                String.valueOf(SPEC_TIMESTAMP), SPEC_SIGNATURE, "{\"test\": 2432232315}", THEN, TOLERANCE));
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE, WebhookSignature.verify(List.of(SPEC_SECRET),
                SPEC_ID + "x", String.valueOf(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_PAYLOAD, THEN, TOLERANCE));
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE, WebhookSignature.verify(List.of(SPEC_SECRET), SPEC_ID,
                String.valueOf(SPEC_TIMESTAMP + 1), SPEC_SIGNATURE, SPEC_PAYLOAD, THEN, TOLERANCE));
    }

    @Test
    void acceptsTimestampsWithinTheToleranceEitherWay() {
        assertEquals(WebhookSignature.Verdict.VALID, verify(List.of(SPEC_SECRET), SPEC_SIGNATURE,
                THEN.plus(TOLERANCE)));
        assertEquals(WebhookSignature.Verdict.VALID, verify(List.of(SPEC_SECRET), SPEC_SIGNATURE,
                THEN.minus(TOLERANCE)));
    }

    @Test
    void refusesStaleAndFutureTimestampsBeforeLookingAtTheSignature() {
        assertEquals(WebhookSignature.Verdict.BAD_TIMESTAMP, verify(List.of(SPEC_SECRET), SPEC_SIGNATURE,
                THEN.plus(TOLERANCE).plusSeconds(1)));
        assertEquals(WebhookSignature.Verdict.BAD_TIMESTAMP, verify(List.of(SPEC_SECRET), SPEC_SIGNATURE,
                THEN.minus(TOLERANCE).minusSeconds(1)));
    }

    @Test
    void refusesTimestampsThatAreNotSeconds() {
        for (String timestamp : List.of("", "abc", "1614265330.5", "1614265330000000000000", "0x60381a72")) {
            assertEquals(WebhookSignature.Verdict.BAD_TIMESTAMP, WebhookSignature.verify(List.of(SPEC_SECRET),
                    SPEC_ID, timestamp, SPEC_SIGNATURE, SPEC_PAYLOAD, THEN, TOLERANCE), timestamp);
        }
    }

    @Test
    void refusesTimestampsSoFarOffThatTheDifferenceOverflows() {
        // now - timestamp is exactly 2^63 here, which a long holds only as Long.MIN_VALUE (and Math.abs keeps so)
        long overflowing = THEN.getEpochSecond() + Long.MIN_VALUE;
        for (long timestamp : new long[] {overflowing, Long.MIN_VALUE, Long.MAX_VALUE, -1, 0}) {
            String signature = WebhookSignature.sign(SPEC_SECRET, SPEC_ID, timestamp, SPEC_PAYLOAD);
            assertEquals(WebhookSignature.Verdict.BAD_TIMESTAMP, WebhookSignature.verify(List.of(SPEC_SECRET),
                    SPEC_ID, String.valueOf(timestamp), signature, SPEC_PAYLOAD, THEN, TOLERANCE),
                    String.valueOf(timestamp));
        }
    }

    @Test
    void reportsMissingHeaders() {
        String timestamp = String.valueOf(SPEC_TIMESTAMP);
        assertEquals(WebhookSignature.Verdict.MISSING_HEADERS, WebhookSignature.verify(List.of(SPEC_SECRET), null,
                timestamp, SPEC_SIGNATURE, SPEC_PAYLOAD, THEN, TOLERANCE));
        assertEquals(WebhookSignature.Verdict.MISSING_HEADERS, WebhookSignature.verify(List.of(SPEC_SECRET), " ",
                timestamp, SPEC_SIGNATURE, SPEC_PAYLOAD, THEN, TOLERANCE));
        assertEquals(WebhookSignature.Verdict.MISSING_HEADERS, WebhookSignature.verify(List.of(SPEC_SECRET), SPEC_ID,
                null, SPEC_SIGNATURE, SPEC_PAYLOAD, THEN, TOLERANCE));
        assertEquals(WebhookSignature.Verdict.MISSING_HEADERS, WebhookSignature.verify(List.of(SPEC_SECRET), SPEC_ID,
                timestamp, null, SPEC_PAYLOAD, THEN, TOLERANCE));
    }

    @Test
    void anEmptyHeaderOrNoSecretsIsNeverValid() {
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE, verify(List.of(SPEC_SECRET), "", THEN));
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE, verify(List.of(), SPEC_SIGNATURE, THEN));
    }

    @Test
    void signsTheUtf8BytesOfThePayload() {
        String payload = "{\"text\": \"très bien, 很好 👍\"}";
        String signature = WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, payload);
        assertTrue(signature.startsWith("v1,"));
        assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verify(List.of(SPEC_SECRET), SPEC_ID,
                String.valueOf(SPEC_TIMESTAMP), signature, payload, THEN, TOLERANCE));
    }

    private static WebhookSignature.Verdict verify(List<WebhookSecret> secrets, String header, Instant now) {
        return WebhookSignature.verify(secrets, SPEC_ID, String.valueOf(SPEC_TIMESTAMP), header, SPEC_PAYLOAD, now,
                TOLERANCE);
    }
}
