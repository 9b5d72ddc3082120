package io.hearken.k8s;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * values.schema.json turns an operator's mistake into a failed install that names the value, instead of a
 * manifest that silently ignores it or a pod that fails later. One test per kind of mistake.
 */
class ValuesSchemaTest {

    @Test
    void acceptsACorrectOverride() {
        assertDoesNotThrow(() -> Chart.hearken().with("services.gateway.replicas", 3)
                .with("kafka.securityProtocol", "SSL").renderText());
    }

    @Test
    void rejectsAMisspeltTopLevelKey() {
        assertRejected(Chart.hearken().with("kakfa.bootstrapServers", "kafka:9092"), "kakfa");
    }

    @Test
    void rejectsAMisspeltNestedKey() {
        assertRejected(Chart.hearken().with("services.survey.replica", 3), "replica");
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        assertRejected(Chart.hearken().with("services.profile.replicas", "two"), "replicas");
    }

    @Test
    void rejectsAValueOutsideItsEnumeration() {
        assertRejected(Chart.hearken().with("kafka.securityProtocol", "SASL"), "securityProtocol");
    }

    @Test
    void rejectsAValueOfTheWrongShape() {
        assertRejected(Chart.hearken().with("kafka.bootstrapServers", "kafka"), "bootstrapServers");
    }

    @Test
    void rejectsANumberOutOfRange() {
        assertRejected(Chart.hearken().with("services.insight.autoscaling.targetCPUUtilizationPercentage", 150),
                "targetCPUUtilizationPercentage");
    }

    @Test
    void rejectsAMissingRequiredValue() {
        assertRejected(Chart.hearken().with("services.gateway.resources.limits", null), "limits");
    }

    @Test
    void rejectsAWeakenedSecurityContext() {
        assertRejected(Chart.hearken().with("podSecurityContext.runAsNonRoot", false), "runAsNonRoot");
    }

    @Test
    void rejectsAProfileThatSkipsTheKubernetesConfiguration() {
        assertRejected(Chart.hearken().with("quarkusProfile", "prod"), "quarkusProfile");
    }

    @Test
    void rejectsAnExposureOtherThanTheKnownOnes() {
        assertRejected(Chart.hearken().with("expose.type", "loadBalancer"), "type");
    }

    @Test
    void rejectsSaslWithoutTheSecretOfItsCredentials() {
        // A rule across two values: the template's `required` states it
        assertRejected(Chart.hearken().with("kafka.securityProtocol", "SASL_SSL"), "kafka.sasl.existingSecret");
    }

    @Test
    void rejectsTheRealmImportWithoutTheRealm() {
        assertRejected(Chart.hearken().with("keycloak.realmImport.enabled", true)
                .with("keycloak.realmImport.adminSecret", "keycloak-admin"), "existingConfigMap");
    }

    @Test
    void rejectsARedisPortOutOfRange() {
        assertRejected(Chart.hearken().with("networkPolicy.egress.redis.ports[0].port", 70000), "redis");
    }

    @Test
    void rejectsRedisWithoutTheSecretOfItsUrl() {
        assertRejected(Chart.hearken().with("redis.enabled", true), "redis.existingSecret");
    }

    @Test
    void rejectsACredentialKeyTheServicesWouldRefuse() {
        assertRejected(Chart.hearken().with("credential.key", "too-short-for-hmac"), "credential.key");
    }

    @Test
    void rejectsATrustedProxyThatIsNoAddress() {
        assertRejected(Chart.hearken().with("gateway.trustedProxies", "{ingress-nginx}"), "trustedProxies");
    }

    @Test
    void rejectsAClientLimitForAClientIdTheEnvironmentCannotCarry() {
        assertRejected(Chart.hearken().with("gateway.limits.clientLimits.partner\\.sync", 6000), "clientLimits");
    }

    @Test
    void rejectsAWebhookNetworkThatIsNoCidrBlock() {
        // A host name here would look like an allowance and allow nothing, or something else than meant
        assertRejected(Chart.hearken().with("webhooks.allowedNetworks[0]", "partner.example.com"), "allowedNetworks");
    }

    private static void assertRejected(Chart chart, String namedValue) {
        IllegalStateException failure = assertThrows(IllegalStateException.class, chart::render);
        assertTrue(failure.getMessage().contains(namedValue),
                () -> "the failure should name " + namedValue + ": " + failure.getMessage());
    }
}
