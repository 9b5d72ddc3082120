package io.hearken.gateway.security;

import io.hearken.common.security.GatewayCredential;
import io.hearken.common.security.GatewayCredentialConfig;
import io.hearken.common.security.GatewayCredentials;
import io.hearken.gateway.client.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The credential the gateway signs for each request it relays (common {@link GatewayCredentials}), so that a service
 * admits only what came through the gateway: for an authenticated caller, their tenant and {@code role:subject}; for a
 * respondent on a public route, only the survey, invitation or inbox the path names. One signed for the same service
 * and the same caller (or resource) is used again for up to half its lifetime: it says the same thing, and signing
 * one per request was a tenth of the gateway's work (docs/benchmarks.md). So a service never receives one with less
 * than half its lifetime left.
 */
@ApplicationScoped
public class ServiceCredential {

    private static final Duration LONGEST_REUSE = Duration.ofSeconds(20);
    private static final int MOST_KEPT = 20_000;

    private final GatewayCredentials credentials;
    private final Duration reuse;
    private final Clock clock;
    private final Map<String, Signed> recent = new ConcurrentHashMap<>();

    @Inject
    public ServiceCredential(GatewayCredentials credentials, GatewayCredentialConfig config) {
        this(credentials, config.lifetime(), Clock.systemUTC());
    }

    ServiceCredential(GatewayCredentials credentials, Duration lifetime, Clock clock) {
        this.credentials = credentials;
        Duration half = lifetime.dividedBy(2);
        this.reuse = half.compareTo(LONGEST_REUSE) < 0 ? half : LONGEST_REUSE;
        this.clock = clock;
    }

    /**
     * @param decodedPath the normalised, decoded path the service will see
     * @param caller      who calls; empty on a public route
     */
    public String sign(Upstream upstream, String decodedPath, Optional<CallerIdentity> caller) {
        if (caller.isPresent()) {
            CallerIdentity identity = caller.get();
            return signed(upstream.applicationName() + "|t|" + identity.tenant() + "|" + identity.caller(),
                    () -> credentials.signForCaller(upstream.applicationName(), identity.tenant(),
                            identity.caller()));
        }
        String resource = GatewayCredential.publicResourceOf(decodedPath);
        return signed(upstream.applicationName() + "|r|" + resource,
                () -> credentials.signForRespondent(upstream.applicationName(), resource));
    }

    private String signed(String key, Supplier<String> signer) {
        Instant now = clock.instant();
        Signed kept = recent.get(key);
        if (kept != null && now.isBefore(kept.reuseUntil())) {
            return kept.token();
        }
        if (recent.size() >= MOST_KEPT) {
            recent.clear();
        }
        String token = signer.get();
        recent.put(key, new Signed(token, now.plus(reuse)));
        return token;
    }

    private record Signed(String token, Instant reuseUntil) {
    }
}
