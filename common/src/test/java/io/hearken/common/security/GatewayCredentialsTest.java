package io.hearken.common.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayCredentialsTest {

    private static final String KEY = "a-test-key-of-at-least-thirty-two-characters";
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final GatewayCredentials credentials = at(NOW);

    @Test
    void aCallersCredentialCarriesTheTenantAndCallerToTheServiceItIsFor() throws Exception {
        String token = credentials.signForCaller("survey-service", "acme", "analyst:u-1");

        GatewayCredential credential = credentials.verify(token, "survey-service");

        assertEquals("acme", credential.tenant());
        assertEquals("analyst:u-1", credential.caller());
        assertFalse(credential.isRespondent());
        assertTrue(credential.opens("/v1/surveys/s-1"));
        assertFalse(credential.opens("/v1/public/surveys/s-1"), "the public API is the respondents'");
    }

    @Test
    void aRespondentsCredentialOpensOnlyItsResourceAndWhatLiesBelowIt() throws Exception {
        String token = credentials.signForRespondent("survey-service",
                GatewayCredential.publicResourceOf("/v1/public/surveys/s-1/responses/batch"));

        GatewayCredential credential = credentials.verify(token, "survey-service");

        assertTrue(credential.isRespondent());
        assertEquals("/v1/public/surveys/s-1", credential.resource());
        assertTrue(credential.opens("/v1/public/surveys/s-1"));
        assertTrue(credential.opens("/v1/public/surveys/s-1/responses"));
        assertFalse(credential.opens("/v1/public/surveys/s-10"));
        assertFalse(credential.opens("/v1/public/surveys/s-2/responses"));
        assertFalse(credential.opens("/v1/surveys/s-1"));
        assertEquals("/v1/public/sms/inbound", GatewayCredential.publicResourceOf("/v1/public/sms/inbound"));
    }

    /** The gateway signs a partner's post to an inbound source like a respondent's: for that source alone. */
    @Test
    void aCredentialForAnInboundSourceOpensThatSourceOnly() throws Exception {
        String path = "/v1/public/inbound/src-1";
        String token = credentials.signForRespondent("webhook-service", GatewayCredential.publicResourceOf(path));

        GatewayCredential credential = credentials.verify(token, "webhook-service");

        assertEquals(path, credential.resource());
        assertTrue(credential.opens(path));
        assertFalse(credential.opens("/v1/public/inbound/src-2"));
        assertFalse(credential.opens("/v1/public/inbound"));
        assertFalse(credential.opens("/v1/webhooks/inbound-sources/src-1"));
        assertThrows(InvalidCredentialException.class, () -> credentials.verify(token, "survey-service"));
    }

    @Test
    void refusesACredentialForAnotherService() {
        String token = credentials.signForCaller("survey-service", "acme", "admin:u-1");

        assertThrows(InvalidCredentialException.class, () -> credentials.verify(token, "profile-service"));
    }

    @Test
    void refusesACredentialSignedWithAnotherKey() {
        String forged = new GatewayCredentials("another-key-of-at-least-thirty-two-characters", Duration.ofSeconds(60),
                Clock.fixed(NOW, ZoneOffset.UTC)).signForCaller("survey-service", "acme", "admin:u-1");

        assertThrows(InvalidCredentialException.class, () -> credentials.verify(forged, "survey-service"));
    }

    @Test
    void refusesAnExpiredCredentialAndOneFromTheFuture() {
        String token = credentials.signForCaller("survey-service", "acme", "admin:u-1");

        assertThrows(InvalidCredentialException.class,
                () -> at(NOW.plusSeconds(120)).verify(token, "survey-service"));
        assertThrows(InvalidCredentialException.class,
                () -> at(NOW.minusSeconds(120)).verify(token, "survey-service"));
    }

    @Test
    void refusesACredentialClaimingALifetimeLongerThanTheLongestAllowed() {
        GatewayCredential longLived = GatewayCredential.forCaller("survey-service", "acme", "admin:u-1", NOW,
                NOW.plus(GatewayCredentials.MAX_LIFETIME).plusSeconds(1));

        assertThrows(InvalidCredentialException.class,
                () -> credentials.verify(credentials.sign(longLived), "survey-service"));
    }

    @Test
    void refusesAlgNoneATamperedPayloadAndWhatIsNoToken() {
        String token = credentials.signForCaller("survey-service", "acme", "admin:u-1");
        String[] parts = token.split("\\.");
        String otherTenant = encode(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("acme", "evil"));
        String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        for (String bad : new String[] {parts[0] + "." + otherTenant + "." + parts[2], none + "." + parts[1] + ".",
                none + "." + parts[1] + "." + parts[2], "", "   ", "abc", "a.b.c", "a.b", token + ".x",
                parts[0] + "." + parts[1] + ".!!!", null}) {
            assertThrows(InvalidCredentialException.class, () -> credentials.verify(bad, "survey-service"),
                    String.valueOf(bad));
        }
    }

    @Test
    void aKeyIsRotatedWithoutRefusingAnything() throws Exception {
        String newKey = "the-new-key-of-at-least-thirty-two-characters";
        Clock now = Clock.fixed(NOW, ZoneOffset.UTC);
        GatewayCredentials old = credentials;
        GatewayCredentials admittingNew = new GatewayCredentials(KEY, List.of(newKey), Duration.ofSeconds(60), now);
        GatewayCredentials signingNew = new GatewayCredentials(newKey, List.of(KEY), Duration.ofSeconds(60), now);
        GatewayCredentials newOnly = new GatewayCredentials(newKey, Duration.ofSeconds(60), now);

        // Step 1 (every process admits the new key, signs with the old) and step 2 (signs with the new, admits the
        // old): whichever step a process is at, the others admit what it signs.
        for (GatewayCredentials signer : List.of(old, admittingNew, signingNew)) {
            for (GatewayCredentials verifier : List.of(admittingNew, signingNew)) {
                verifier.verify(signer.signForCaller("survey-service", "acme", "admin:u-1"), "survey-service");
            }
        }
        // Step 3: the old key is dropped, and what it signs is refused.
        assertThrows(InvalidCredentialException.class,
                () -> newOnly.verify(old.signForCaller("survey-service", "acme", "admin:u-1"), "survey-service"));
        newOnly.verify(signingNew.signForCaller("survey-service", "acme", "admin:u-1"), "survey-service");
    }

    @Test
    void refusesAShortKey() {
        assertThrows(IllegalArgumentException.class,
                () -> new GatewayCredentials("short", Duration.ofSeconds(60), Clock.systemUTC()));
    }

    private static GatewayCredentials at(Instant now) {
        return new GatewayCredentials(KEY, Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
