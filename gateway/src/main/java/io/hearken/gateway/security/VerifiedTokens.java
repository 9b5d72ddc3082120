package io.hearken.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identities of bearer tokens this gateway has verified, until the token expires (at most {@link #LONGEST}): a
 * console or a partner sends the same token with every request, and checking its RSA signature again each time was
 * the largest cost of an authenticated request (docs/benchmarks.md). Nothing is lost by it: a token is verified
 * locally, never asked about at Keycloak, so a revoked but unexpired token was admitted before too; the cache holds
 * only tokens that passed every check, keyed by the whole token, and forgets each at its expiry.
 */
public final class VerifiedTokens {

    /** Longest a verified token is trusted without checking it again, whatever its own expiry. */
    static final Duration LONGEST = Duration.ofMinutes(5);
    private static final int MOST_TOKENS = 20_000;

    private final Map<String, Verified> byToken = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The identity {@code token} was verified to be, if it was and has not expired since. */
    public Optional<SecurityIdentity> identityOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Verified verified = byToken.get(token);
        if (verified == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(verified.trustedUntil())) {
            byToken.remove(token, verified);
            return Optional.empty();
        }
        return Optional.of(verified.identity());
    }

    /** Remembers a token quarkus-oidc verified as {@code identity}, until its expiry. */
    public void remember(String token, SecurityIdentity identity) {
        if (token == null || identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        Instant now = clock.instant();
        Instant until = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (until.isAfter(now.plus(LONGEST))) {
            until = now.plus(LONGEST);
        }
        if (!until.isAfter(now)) {
            return;
        }
        if (byToken.size() >= MOST_TOKENS) {
            byToken.values().removeIf(old -> !now.isBefore(old.trustedUntil()));
            if (byToken.size() >= MOST_TOKENS) {
                byToken.clear();
            }
        }
        byToken.put(token, new Verified(identity, until));
    }

    private record Verified(SecurityIdentity identity, Instant trustedUntil) {
    }
}
