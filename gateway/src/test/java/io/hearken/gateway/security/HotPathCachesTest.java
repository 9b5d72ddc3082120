package io.hearken.gateway.security;

import io.hearken.common.security.GatewayCredential;
import io.hearken.common.security.GatewayCredentials;
import io.hearken.gateway.client.Upstream;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the gateway keeps between requests to spare work: verified tokens and signed hop credentials. */
class HotPathCachesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aVerifiedTokenIsTrustedUntilItExpiresAndNoLongerThanFiveMinutes() {
        MovingClock clock = new MovingClock();
        VerifiedTokens tokens = new VerifiedTokens(clock);
        var shortLived = identity(NOW.plusSeconds(60));
        var longLived = identity(NOW.plusSeconds(3600));

        tokens.remember("token-a", shortLived);
        tokens.remember("token-b", longLived);

        assertEquals(Optional.of(shortLived), tokens.identityOf("token-a"));
        assertTrue(tokens.identityOf("token-c").isEmpty(), "only tokens that were verified");
        assertTrue(tokens.identityOf(null).isEmpty());
        clock.now = NOW.plusSeconds(60);
        assertTrue(tokens.identityOf("token-a").isEmpty(), "not past its own expiry");
        assertEquals(Optional.of(longLived), tokens.identityOf("token-b"));
        clock.now = NOW.plus(VerifiedTokens.LONGEST);
        assertTrue(tokens.identityOf("token-b").isEmpty(), "checked again after five minutes at the latest");
    }

    @Test
    void anIdentityWithoutATokensExpiryIsNotKept() {
        VerifiedTokens tokens = new VerifiedTokens(new MovingClock());
        tokens.remember("anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true).build());

        assertTrue(tokens.identityOf("anonymous").isEmpty());
    }

    @Test
    void aSignedCredentialIsUsedAgainForHalfItsLifetimeAndOnlyForTheSameCallerAndService() throws Exception {
        MovingClock clock = new MovingClock();
        GatewayCredentials signer = new GatewayCredentials("a-test-key-of-at-least-thirty-two-characters",
                Duration.ofSeconds(60), clock);
        ServiceCredential credentials = new ServiceCredential(signer, Duration.ofSeconds(60), clock);
        Optional<CallerIdentity> alice = Optional.of(new CallerIdentity("u-1", "admin", "acme", "console"));
        Optional<CallerIdentity> gina = Optional.of(new CallerIdentity("u-2", "admin", "globex", "console"));

        String first = credentials.sign(Upstream.SURVEY, "/v1/surveys/s1", alice);
        assertEquals(first, credentials.sign(Upstream.SURVEY, "/v1/surveys/s2", alice));
        assertNotEquals(first, credentials.sign(Upstream.PROFILE, "/v1/profiles", alice));
        assertEquals("globex", signer.verify(credentials.sign(Upstream.SURVEY, "/v1/surveys/s1", gina),
                "survey-service").tenant());
        String respondent = credentials.sign(Upstream.SURVEY, "/v1/public/surveys/s1/responses", Optional.empty());
        GatewayCredential opened = signer.verify(respondent, "survey-service");
        assertEquals("/v1/public/surveys/s1", opened.resource());
        assertNotEquals(respondent, credentials.sign(Upstream.SURVEY, "/v1/public/surveys/s2", Optional.empty()));

        clock.now = NOW.plusSeconds(21);
        String later = credentials.sign(Upstream.SURVEY, "/v1/surveys/s1", alice);
        assertNotEquals(first, later, "signed again before less than half its lifetime is left");
        assertTrue(signer.verify(later, "survey-service").expiresAt().isAfter(clock.now.plusSeconds(30)));
    }

    private static SecurityIdentity identity(Instant expiry) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Token(expiry.getEpochSecond()))
                .addRoles(Set.of("admin")).build();
    }

    /** A verified access token reduced to its expiry. */
    private record Token(long expiry) implements JsonWebToken {

        @Override
        public String getName() {
            return "u-1";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return claimName.equals("exp") ? (T) Long.valueOf(expiry) : null;
        }

        @Override
        public long getExpirationTime() {
            return expiry;
        }
    }
}
