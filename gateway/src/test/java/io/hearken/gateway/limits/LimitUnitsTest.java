package io.hearken.gateway.limits;

import io.hearken.gateway.security.CallerIdentity;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces of the rate limiter that need no server: the decision, the client's address. */
class LimitUnitsTest {

    @Test
    void theDecisionNamesTheExhaustedLimitAndWhenToRetry() {
        LimitPolicy client = new LimitPolicy("client", "acme:console", 3);
        LimitPolicy tenant = new LimitPolicy("tenant", "acme", 100);

        LimitDecision fine = LimitDecision.of(List.of(client, tenant), List.of(new Count(2, 30_000),
                new Count(50, 40_000)), 60);
        LimitDecision over = LimitDecision.of(List.of(client, tenant), List.of(new Count(4, 12_500),
                new Count(51, 40_000)), 60);

        assertTrue(fine.allowed());
        assertEquals("client", fine.tightest().policy().name());
        assertEquals(1, fine.tightest().remaining());
        assertFalse(over.allowed());
        assertEquals(13, over.retryAfterSeconds(), "rounded up: never too early");
        assertEquals(0, over.tightest().remaining());
    }

    @Test
    void aConsoleUsersClientLimitIsTheirsAPartnersIsTheIntegrations() {
        Set<String> perUser = Set.of("hearken-web");

        assertEquals("acme:hearken-web:u1", RateLimiter.clientSubject(
                new CallerIdentity("u1", "analyst", "acme", "hearken-web"), perUser));
        assertNotEquals(RateLimiter.clientSubject(new CallerIdentity("u1", "analyst", "acme", "hearken-web"), perUser),
                RateLimiter.clientSubject(new CallerIdentity("u2", "admin", "acme", "hearken-web"), perUser),
                "two analysts on the console do not share one limit");
        assertEquals(RateLimiter.clientSubject(new CallerIdentity("svc-1", "partner", "acme", "partner-acme"), perUser),
                RateLimiter.clientSubject(new CallerIdentity("svc-2", "partner", "acme", "partner-acme"), perUser),
                "a partner's integration is one client, whoever it acts as");
        assertEquals("globex:partner-acme", RateLimiter.clientSubject(
                new CallerIdentity("svc-1", "partner", "globex", "partner-acme"), perUser), "and per tenant");
    }

    @Test
    void theHeadersFollowTheRateLimitDraft() {
        LimitDecision decision = LimitDecision.of(List.of(new LimitPolicy("address", "198.51.100.7", 600),
                new LimitPolicy("survey", "/v1/public/surveys/s1", 60000)), List.of(new Count(10, 59_001),
                new Count(10, 59_001)), 60);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();

        decision.writeHeaders(headers);

        assertEquals("\"address\";q=600;w=60, \"survey\";q=60000;w=60", headers.get("RateLimit-Policy"));
        assertEquals("\"address\";r=590;t=60", headers.get("RateLimit"));
    }

    @Test
    void theClientsAddressIsTheLastOneNoTrustedProxyAdded() {
        ClientAddress addresses = new ClientAddress(List.of("127.0.0.1", "10.0.0.0/8"));

        assertEquals("203.0.113.9", addresses.of("203.0.113.9", List.of("1.2.3.4")), "an untrusted peer is the client");
        assertEquals("198.51.100.7", addresses.of("127.0.0.1", List.of("1.2.3.4, 198.51.100.7")));
        assertEquals("198.51.100.7", addresses.of("10.1.2.3", List.of("1.2.3.4, 198.51.100.7, 10.9.9.9")),
                "proxies inside the trusted block are skipped, what the client wrote before them is not believed");
        assertEquals("127.0.0.1", addresses.of("127.0.0.1", List.of()));
        assertTrue(addresses.isTrustedProxy("10.255.0.1"));
        assertFalse(addresses.isTrustedProxy("11.0.0.1"));
        assertFalse(addresses.isTrustedProxy("localhost"), "names are never looked up");
    }
}
