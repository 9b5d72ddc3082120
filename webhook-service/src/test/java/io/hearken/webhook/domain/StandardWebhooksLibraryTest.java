package io.hearken.webhook.domain;

import io.hearken.webhook.StandardWebhooksLibrary;
import io.hearken.webhook.StandardWebhooksLibrary.Message;
import io.hearken.webhook.StandardWebhooksLibrary.Verification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our signatures checked by the official Standard Webhooks library, and the library's by ours: what a partner's
 * receiver (or sender) built on that library meets. The library checks the timestamp against the current time
 * (5 minutes), so every message here is signed now.
 */
class StandardWebhooksLibraryTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PAYLOAD = "{\"type\":\"response.submitted\","
            + "\"data\":{\"text\":\"très bien, 很好 👍\",\"score\":9}}";

    @BeforeEach
    void theLibraryIsInstalled() {
        StandardWebhooksLibrary.requireInstalled();
    }

    @Test
    void theLibraryVerifiesOurSignature() {
        WebhookSecret secret = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header(List.of(secret), "msg_ours", now, PAYLOAD);
        assertTrue(StandardWebhooksLibrary.verifies(secret, new Message("msg_ours", now, header, PAYLOAD)));
    }

    @Test
    void weVerifyTheLibrarysSignature() {
        WebhookSecret secret = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        String signature = StandardWebhooksLibrary.sign(secret, "msg_theirs", now, PAYLOAD);
        assertEquals(WebhookSignature.sign(secret, "msg_theirs", now, PAYLOAD), signature);
        assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verify(List.of(secret), "msg_theirs",
                String.valueOf(now), signature, PAYLOAD, Instant.now(), TOLERANCE));
    }

    @Test
    void bothSignTheSpecificationsExampleAlike() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String payload = "{\"test\": 2432232314}";
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                StandardWebhooksLibrary.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, payload));
        assertEquals(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, payload),
                StandardWebhooksLibrary.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, payload));
    }

    @Test
    void aRotatedHeaderWithTwoSignaturesVerifiesWithEitherSecretBothWays() {
        WebhookSecret old = WebhookSecret.generate();
        WebhookSecret next = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        // Ours, as a sender mid-rotation signs: the library accepts it with either secret, not with a third
        String ours = WebhookSignature.header(List.of(old, next), "msg_rotated", now, PAYLOAD);
        Message message = new Message("msg_rotated", now, ours, PAYLOAD);
        assertEquals(List.of(true, true, false), StandardWebhooksLibrary.verify(List.of(
                new Verification(old, message), new Verification(next, message),
                new Verification(WebhookSecret.generate(), message))));
        // The library's two signatures in one header: we accept it with either secret
        String theirs = StandardWebhooksLibrary.sign(old, "msg_rotated", now, PAYLOAD) + " "
                + StandardWebhooksLibrary.sign(next, "msg_rotated", now, PAYLOAD);
        for (WebhookSecret secret : List.of(old, next)) {
            assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verify(List.of(secret), "msg_rotated",
                    String.valueOf(now), theirs, PAYLOAD, Instant.now(), TOLERANCE));
        }
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE, WebhookSignature.verify(
                List.of(WebhookSecret.generate()), "msg_rotated", String.valueOf(now), theirs, PAYLOAD,
                Instant.now(), TOLERANCE));
    }

    @Test
    void aTamperedPayloadIsRefusedByBoth() {
        WebhookSecret secret = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        String tampered = PAYLOAD.replace("\"score\":9", "\"score\":0");
        String ours = WebhookSignature.sign(secret, "msg_tampered", now, PAYLOAD);
        assertFalse(StandardWebhooksLibrary.verifies(secret, new Message("msg_tampered", now, ours, tampered)));
        String theirs = StandardWebhooksLibrary.sign(secret, "msg_tampered", now, PAYLOAD);
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE, WebhookSignature.verify(List.of(secret),
                "msg_tampered", String.valueOf(now), theirs, tampered, Instant.now(), TOLERANCE));
    }

    @Test
    void anotherSecretIdOrTimestampIsRefusedByTheLibrary() {
        WebhookSecret secret = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        String ours = WebhookSignature.sign(secret, "msg_exact", now, PAYLOAD);
        assertEquals(List.of(true, false, false, false), StandardWebhooksLibrary.verify(List.of(
                new Verification(secret, new Message("msg_exact", now, ours, PAYLOAD)),
                new Verification(WebhookSecret.generate(), new Message("msg_exact", now, ours, PAYLOAD)),
                new Verification(secret, new Message("msg_other", now, ours, PAYLOAD)),
                new Verification(secret, new Message("msg_exact", now - 1, ours, PAYLOAD)))));
    }
}
