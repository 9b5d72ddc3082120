package io.hearken.survey.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which inbound SMS webhooks are taken as sent by the provider, in the scheme of Twilio's X-Twilio-Signature. */
class SmsSignatureTest {

    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    /** The worked example of Twilio's "Webhooks security" guide, deliberately not in name order. */
    private static final Map<String, List<String>> DOCUMENTED_FORM = form(
            "To", "+18005551212",
            "CallSid", "CA1234567890ABCDE",
            "Digits", "1234",
            "From", "+12349013030",
            "Caller", "+12349013030");
    private static final String DOCUMENTED_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private static final String SMS_URL = "https://hooks.hearken.io/sms/acme";
    private static final Map<String, List<String>> SMS = form(
            "MessageSid", "SM0123456789abcdef",
            "From", "+819012345678",
            "To", "+14155550100",
            "Body", "９、とても良い 👍",
            "NumMedia", "0");

    private static Map<String, List<String>> form(String... namesAndValues) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            form.put(namesAndValues[index], List.of(namesAndValues[index + 1]));
        }
        return form;
    }

    private static Map<String, List<String>> with(Map<String, List<String>> form, String name, String value) {
        Map<String, List<String>> changed = new HashMap<>(form);
        changed.put(name, List.of(value));
        return changed;
    }

    /** HMAC-SHA1 written out here, independently of the class under test. */
    private static String hmacSha1Base64(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void matchesTheExamplePublishedByTwilio() {
        assertEquals(DOCUMENTED_SIGNATURE, SmsSignature.sign(TOKEN, URL, DOCUMENTED_FORM));
        assertTrue(SmsSignature.verify(TOKEN, URL, DOCUMENTED_FORM, DOCUMENTED_SIGNATURE));
    }

    @Test
    void signsTheUrlThenEveryNameAndValueInNameOrder() throws Exception {
        String expected = hmacSha1Base64("auth-token-0123456789", SMS_URL
                + "Body９、とても良い 👍" + "From+819012345678" + "MessageSidSM0123456789abcdef" + "NumMedia0"
                + "To+14155550100");
        assertEquals(expected, SmsSignature.sign("auth-token-0123456789", SMS_URL, SMS));
        assertTrue(SmsSignature.verify("auth-token-0123456789", SMS_URL, SMS, expected));
    }

    @Test
    void ordersNamesCaseSensitivelyWithCapitalsFirst() throws Exception {
        Map<String, List<String>> form = form("body", "b", "Body", "B", "_x", "u", "Zeta", "z");
        String expected = hmacSha1Base64(TOKEN, SMS_URL + "BodyB" + "Zetaz" + "_xu" + "bodyb");
        assertEquals(expected, SmsSignature.sign(TOKEN, SMS_URL, form));
    }

    @Test
    void signsEachDistinctValueOfARepeatedNameInSortedOrderAsTwiliosValidatorsDo() throws Exception {
        String expected = hmacSha1Base64(TOKEN, SMS_URL + "MediaUrla" + "MediaUrlb" + "MediaUrlc" + "To+1");
        Map<String, List<String>> received = Map.of("MediaUrl", List.of("c", "a", "b", "a"), "To", List.of("+1"));
        assertEquals(expected, SmsSignature.sign(TOKEN, SMS_URL, received));
        Map<String, List<String>> otherOrder = Map.of("MediaUrl", List.of("a", "b", "c"), "To", List.of("+1"));
        assertTrue(SmsSignature.verify(TOKEN, SMS_URL, otherOrder, expected));
    }

    @Test
    void signsAnEmptyValueAsTheNameAlone() throws Exception {
        assertEquals(hmacSha1Base64(TOKEN, SMS_URL + "Body" + "To+1"),
                SmsSignature.sign(TOKEN, SMS_URL, form("Body", "", "To", "+1")));
    }

    @Test
    void signsARequestWithoutAFormBodyByItsUrlAlone() throws Exception {
        String expected = hmacSha1Base64(TOKEN, SMS_URL + "?From=%2B1");
        assertEquals(expected, SmsSignature.sign(TOKEN, SMS_URL + "?From=%2B1", null));
        assertEquals(expected, SmsSignature.sign(TOKEN, SMS_URL + "?From=%2B1", Map.of()));
    }

    @Test
    void refusesAChangedAddedOrRemovedParameter() {
        String signature = SmsSignature.sign(TOKEN, SMS_URL, SMS);
        assertFalse(SmsSignature.verify(TOKEN, SMS_URL, with(SMS, "Body", "0"), signature));
        assertFalse(SmsSignature.verify(TOKEN, SMS_URL, with(SMS, "From", "+819012345679"), signature));
        assertFalse(SmsSignature.verify(TOKEN, SMS_URL, with(SMS, "Extra", "1"), signature));
        Map<String, List<String>> removed = new HashMap<>(SMS);
        removed.remove("NumMedia");
        assertFalse(SmsSignature.verify(TOKEN, SMS_URL, removed, signature));
    }

    @Test
    void refusesASignatureForAnotherUrl() {
        String signature = SmsSignature.sign(TOKEN, SMS_URL, SMS);
        assertFalse(SmsSignature.verify(TOKEN, "https://hooks.hearken.io/sms/globex", SMS, signature));
        assertFalse(SmsSignature.verify(TOKEN, SMS_URL + "?tenant=globex", SMS, signature));
        assertFalse(SmsSignature.verify(TOKEN, "http://hooks.hearken.io/sms/acme", SMS, signature));
    }

    @Test
    void refusesASignatureMadeWithAnotherToken() {
        String signature = SmsSignature.sign("another-token", SMS_URL, SMS);
        assertFalse(SmsSignature.verify(TOKEN, SMS_URL, SMS, signature));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "not-base64!", "0/KCTR6DLpKmkAf8muzZqo1nDgQ", "0/KCTR6DLpKmkAf8muzZqo1nDgQ==",
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ=0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "1/KCTR6DLpKmkAf8muzZqo1nDgQ="})
    void refusesAMissingBlankOrWrongHeader(String header) {
        assertFalse(SmsSignature.verify(TOKEN, URL, DOCUMENTED_FORM, header));
    }

    @Test
    void acceptsAHeaderWithSurroundingWhitespace() {
        assertTrue(SmsSignature.verify(TOKEN, URL, DOCUMENTED_FORM, " " + DOCUMENTED_SIGNATURE + " "));
    }

    @Test
    void acceptsASignatureMadeWithOrWithoutTheDefaultPort() {
        String withPort = SmsSignature.sign(TOKEN, "https://hooks.hearken.io:443/sms/acme?x=1", SMS);
        String withoutPort = SmsSignature.sign(TOKEN, "https://hooks.hearken.io/sms/acme?x=1", SMS);
        assertNotEquals(withPort, withoutPort);
        assertTrue(SmsSignature.verify(TOKEN, "https://hooks.hearken.io/sms/acme?x=1", SMS, withPort));
        assertTrue(SmsSignature.verify(TOKEN, "https://hooks.hearken.io:443/sms/acme?x=1", SMS, withoutPort));
        String plainHttp = SmsSignature.sign(TOKEN, "http://hooks.hearken.io:80/sms", SMS);
        assertTrue(SmsSignature.verify(TOKEN, "http://hooks.hearken.io/sms", SMS, plainHttp));
    }

    @Test
    void acceptsNoOtherPortThanTheDefault() {
        String otherPort = SmsSignature.sign(TOKEN, "https://hooks.hearken.io:8443/sms/acme", SMS);
        assertFalse(SmsSignature.verify(TOKEN, "https://hooks.hearken.io/sms/acme", SMS, otherPort));
        String httpsPortOnHttp = SmsSignature.sign(TOKEN, "http://hooks.hearken.io:443/sms/acme", SMS);
        assertFalse(SmsSignature.verify(TOKEN, "http://hooks.hearken.io/sms/acme", SMS, httpsPortOnHttp));
    }

    @Test
    void stillVerifiesAUrlThatDoesNotParse() {
        String url = "https://hooks.hearken.io/sms/a b|c";
        assertTrue(SmsSignature.verify(TOKEN, url, SMS, SmsSignature.sign(TOKEN, url, SMS)));
    }

    @Test
    void requiresATokenAndAUrl() {
        assertThrows(IllegalArgumentException.class, () -> SmsSignature.sign(" ", SMS_URL, SMS));
        assertThrows(IllegalArgumentException.class, () -> SmsSignature.sign(null, SMS_URL, SMS));
        assertThrows(IllegalArgumentException.class, () -> SmsSignature.sign(TOKEN, null, SMS));
        assertThrows(IllegalArgumentException.class, () -> SmsSignature.verify(null, SMS_URL, SMS, "x"));
    }
}
