package io.hearken.gateway.security;

import io.hearken.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.json.Json;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessPolicyTest {

    private static final Set<String> ANALYSTS = Set.of("admin", "analyst");

    private final AccessPolicy policy = new AccessPolicy(new TenantResolver("tenant"));

    @Test
    void admitsACallerHoldingOneOfTheRolesForTheTenantInTheirToken() {
        CallerIdentity caller = policy.admit(ANALYSTS, identity("u-1", Map.of("tenant", "acme"), "analyst"));

        assertEquals(new CallerIdentity("u-1", "analyst", "acme", "unknown"), caller);
        assertEquals("analyst:u-1", caller.caller());
    }

    @Test
    void namesTheFirstOfTheRolesTheCallerHoldsAndReadsAJsonStringClaim() {
        CallerIdentity caller = policy.admit(ANALYSTS, identity("u-2",
                Map.of("tenant", Json.createValue("globex"), "azp", Json.createValue("hearken-web")), "analyst",
                "admin", "agent"));

        assertEquals("admin:u-2", caller.caller());
        assertEquals("globex", caller.tenant());
        assertEquals("hearken-web", caller.client(), "the client the token was issued to, for its rate limit");
    }

    @Test
    void refusesACallerWithoutAnyOfTheRoles() {
        ProblemException refusal = assertThrows(ProblemException.class,
                () -> policy.admit(ANALYSTS, identity("u-3", Map.of("tenant", "acme"), "agent")));

        assertEquals(403, refusal.status());
        assertEquals("forbidden", refusal.typeSlug());
        assertEquals("This call needs one of the roles admin, analyst.", refusal.getMessage());
    }

    @Test
    void refusesACallerWhoseTokenNamesNoTenant() {
        for (Map<String, Object> claims : List.of(Map.<String, Object>of(), Map.<String, Object>of("tenant", " "),
                Map.<String, Object>of("tenant", List.of("acme", "globex")), Map.<String, Object>of("tenant", 42),
                Map.<String, Object>of("tenant", "acme/../globex"), Map.<String, Object>of("tenant", "ac me"),
                Map.<String, Object>of("tenant", "acme\u0000"))) {
            ProblemException refusal = assertThrows(ProblemException.class,
                    () -> policy.admit(ANALYSTS, identity("u-4", claims, "admin")));

            assertEquals(401, refusal.status());
            assertEquals("no-tenant", refusal.typeSlug());
            assertEquals("The token names no tenant (claim 'tenant').", refusal.getMessage());
        }
    }

    @Test
    void refusesACallerWithoutAToken() {
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(""))
                .setAnonymous(true).build();

        for (SecurityIdentity nobody : new SecurityIdentity[] {null, anonymous}) {
            ProblemException refusal = assertThrows(ProblemException.class, () -> policy.admit(ANALYSTS, nobody));
            assertEquals(401, refusal.status());
            assertEquals("unauthorized", refusal.typeSlug());
        }
    }

    @Test
    void anIdentityThatIsNoTokenNamesNoTenant() {
        SecurityIdentity notAToken = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("u-5"))
                .addRole("admin").build();

        assertEquals(true, new TenantResolver("tenant").tenantOf(notAToken).isEmpty());
    }

    private static SecurityIdentity identity(String subject, Map<String, Object> claims, String... roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Token(subject, claims)).addRoles(Set.of(roles))
                .build();
    }

    /** A verified access token as quarkus-oidc hands it over, reduced to its subject and claims. */
    private record Token(String subject, Map<String, Object> claims) implements JsonWebToken {

        @Override
        public String getName() {
            return subject;
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }
}
