package io.hearken.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's rate limits as the chart configures them: the quotas and trusted proxies an SRE sets reach the
 * gateway, and the alert for counters that fell back to one replica exists exactly when Redis keeps them. Also the
 * one other gateway setting an SRE may need for a browser: Keycloak's public address, where the console logs in.
 */
class GatewayLimitsTest {

    private static final String FALLBACK_ALERT = "HearkenRateLimitsCountedPerReplica";

    @Test
    void theProductionQuotasProxiesAndAudienceReachTheGateway() {
        JsonNode environment = gatewayConfig(Renderings.PRODUCTION);

        assertEquals("10.244.0.0/16", environment.path("HEARKEN_TRUSTED_PROXIES").asText());
        assertEquals("hearken-gateway", environment.path("HEARKEN_OIDC_AUDIENCE").asText());
        assertEquals("3000", environment.path("HEARKEN_GATEWAY_LIMITS_PER_CLIENT").asText());
        assertEquals("600", environment.path("HEARKEN_GATEWAY_LIMITS_PER_ADDRESS").asText());
        assertEquals("6000", environment.path("hearken.gateway.limits.client-limits.partner-sync").asText());
    }

    @Test
    void aLargeQuotaIsWrittenAsAnIntegerTheGatewayCanRead() {
        JsonNode environment = Chart.hearken().with("gateway.limits.perTenant", 2000000).render().stream()
                .filter(manifest -> manifest.kind().equals("ConfigMap") && manifest.name().equals("hearken-gateway"))
                .findFirst().orElseThrow().tree().path("data");

        assertEquals("2000000", environment.path("HEARKEN_GATEWAY_LIMITS_PER_TENANT").asText());
    }

    @Test
    void theConsoleLogsInAtKeycloaksPublicAddressWhenOneIsGiven() {
        assertTrue(gatewayConfig(Renderings.DEFAULTS).path("HEARKEN_CONSOLE_KEYCLOAK_URL").isMissingNode(),
                "without one, the console uses the gateway's own KEYCLOAK_URL");
        JsonNode environment = Chart.hearken().with("keycloak.publicUrl", "https://login.example.com").render()
                .stream().filter(manifest -> manifest.kind().equals("ConfigMap")
                        && manifest.name().equals("hearken-gateway"))
                .findFirst().orElseThrow().tree().path("data");
        assertEquals("https://login.example.com", environment.path("HEARKEN_CONSOLE_KEYCLOAK_URL").asText());
    }

    @Test
    void theTrialTrustsOnlyLoopbackAsTheGatewayDoesByDefault() {
        assertEquals("127.0.0.1,::1", gatewayConfig(Renderings.DEFAULTS).path("HEARKEN_TRUSTED_PROXIES").asText());
    }

    @Test
    void countersThatFellBackToOneReplicaAlertOnlyWhenRedisKeepsThem() {
        String productionRules = Renderings.ofKind(Renderings.PRODUCTION, "PrometheusRule").get(0).tree().toString();
        assertTrue(productionRules.contains(FALLBACK_ALERT)
                && productionRules.contains("hearken_gateway_limit_counter_fallbacks_total"), productionRules);

        String rulesWithoutRedis = Chart.hearken().withValues(Chart.productionValues()).with("redis.enabled", false)
                .renderText();
        assertFalse(rulesWithoutRedis.contains(FALLBACK_ALERT), "without Redis every request is counted per replica");
    }

    private static JsonNode gatewayConfig(String installation) {
        return Renderings.ofKind(installation, "ConfigMap").stream()
                .filter(configMap -> configMap.name().equals("hearken-gateway"))
                .findFirst().orElseThrow().tree().path("data");
    }
}
