package io.hearken.webhook.domain;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSecretTest {

    @Test
    void generatesDistinctSecretsOf32Bytes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            WebhookSecret secret = WebhookSecret.generate();
            assertTrue(secret.text().startsWith("whsec_"));
            assertEquals(32, secret.key().length);
            assertEquals(secret, WebhookSecret.parse(secret.text()));
            seen.add(secret.text());
        }
        assertEquals(100, seen.size());
    }

    @Test
    void theKeyIsTheDecodedBytesNotTheText() {
        byte[] bytes = new byte[24];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        WebhookSecret secret = WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(bytes));
        assertArrayEquals(bytes, secret.key());
    }

    @Test
    void acceptsTwentyFourToSixtyFourBytes() {
        for (int length : new int[] {24, 32, 64}) {
            String text = "whsec_" + Base64.getEncoder().encodeToString(new byte[length]);
            assertEquals(length, WebhookSecret.parse(text).key().length);
        }
    }

    @Test
    void refusesSecretsWithoutThePrefix() {
        String base64 = Base64.getEncoder().encodeToString(new byte[32]);
        for (String text : new String[] {null, "", base64, "WHSEC_" + base64, "whsec" + base64, "sec_" + base64}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> WebhookSecret.parse(text));
            assertEquals("must start with whsec_", refused.getMessage());
        }
    }

    @Test
    void refusesSecretsThatAreNotBase64() {
        for (String text : List.of("whsec_not base64 at all!", "whsec_" + "ab$d".repeat(10), "whsec_====")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> WebhookSecret.parse(text), text);
            assertTrue(refused.getMessage().contains("base64"), refused.getMessage());
        }
    }

    @Test
    void refusesKeysTooShortOrTooLong() {
        for (int length : new int[] {0, 1, 23, 65, 128}) {
            String text = "whsec_" + Base64.getEncoder().encodeToString(new byte[length]);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> WebhookSecret.parse(text), String.valueOf(length));
            assertEquals("must encode 24 to 64 bytes", refused.getMessage());
        }
    }

    @Test
    void neverShowsTheSecretInToString() {
        WebhookSecret secret = WebhookSecret.generate();
        assertFalse(secret.toString().contains(secret.text().substring(6)));
        assertEquals("whsec_…", secret.toString());
    }
}
