package io.hearken.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In production every credential comes from a Secret that exists before the release (existingSecret), so none
 * passes through Helm's values or release history; the chart makes Secrets only for a trial. The gateway credential
 * key reaches all five services from one Secret: whoever holds it can act for any tenant.
 */
class SecretsTest {

    @Test
    void productionRendersNoSecretAndReferencesOnlyExistingOnes() {
        assertEquals(List.of(), Renderings.ofKind(Renderings.PRODUCTION, "Secret"));
        assertEquals(Set.of("hearken-kafka-user", "hearken-postgres", "hearken-mongodb", "hearken-invitations",
                "hearken-smtp", "keycloak-admin", "kafka-cluster-ca-cert", "hearken-credential", "hearken-redis"),
                referencedSecrets(Renderings.PRODUCTION));
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void everyServiceVerifiesCredentialsWithTheSameKeyFromASecret(String installation) {
        Set<String> keys = new TreeSet<>();
        List<Manifest> deployments = Renderings.ofKind(installation, "Deployment");
        for (Manifest deployment : deployments) {
            JsonNode key = deployment.environmentVariable("HEARKEN_CREDENTIAL_KEY")
                    .orElseThrow(() -> new AssertionError(deployment + " cannot start without a credential key"));
            JsonNode reference = key.at("/valueFrom/secretKeyRef");
            assertTrue(reference.isObject(), () -> deployment + ": the credential key is a secret");
            keys.add(reference.path("name").asText() + "/" + reference.path("key").asText());
        }

        assertEquals(WorkloadInvariantsTest.SERVICES.size(), deployments.size());
        assertEquals(1, keys.size(), () -> "services that verify with different keys refuse each other: " + keys);
    }

    @Test
    void productionTakesTheCredentialKeyAndTheRedisUrlFromItsExistingSecrets() {
        Manifest gateway = deployment(Renderings.PRODUCTION, "hearken-gateway");

        assertEquals("hearken-credential/key", secretReference(gateway, "HEARKEN_CREDENTIAL_KEY"));
        assertEquals("hearken-redis/url", secretReference(gateway, "HEARKEN_REDIS_URL"));
    }

    @Test
    void onlyTheGatewayGetsTheRedisUrlAndOnlyWhenRedisIsOn() {
        assertTrue(deployment(Renderings.DEFAULTS, "hearken-gateway").environmentVariable("HEARKEN_REDIS_URL")
                .isEmpty(), "the trial has no Redis: each replica counts alone");
        for (Manifest deployment : Renderings.ofKind(Renderings.PRODUCTION, "Deployment")) {
            if (!deployment.name().equals("hearken-gateway")) {
                assertTrue(deployment.environmentVariable("HEARKEN_REDIS_URL").isEmpty(), deployment::toString);
            }
        }
    }

    @Test
    void aTrialsGeneratedCredentialKeyIsMadeOnceAtInstallAndIsLongEnough() {
        Manifest secret = Renderings.ofKind(Renderings.DEFAULTS, "Secret").stream()
                .filter(candidate -> candidate.name().equals("hearken-credential")).findFirst().orElseThrow();

        // Rendered again by an upgrade, a new key would have old and new pods refuse each other's credentials
        assertEquals("pre-install", secret.tree().at("/metadata/annotations").path("helm.sh/hook").asText());
        assertTrue(secret.tree().at("/stringData/key").asText().length() >= 32, "the services refuse a shorter key");
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void theMigrationJobsStartWithAThrowawayKeyNeverTheRealOne(String installation) {
        List<Manifest> jobs = Renderings.ofKind(installation, "Job").stream()
                .filter(job -> job.name().endsWith("-migrate")).toList();
        assertEquals(3, jobs.size(), "profile-, insight- and webhook-service migrate their databases");
        for (Manifest job : jobs) {
            JsonNode key = job.environmentVariable("HEARKEN_CREDENTIAL_KEY")
                    .orElseThrow(() -> new AssertionError(job + " cannot start without a credential key"));
            assertFalse(key.has("valueFrom"), () -> job + " serves no request and needs no real key");
            assertTrue(key.path("value").asText().length() >= 32, () -> job + ": the service refuses a shorter key");
        }
    }

    @Test
    void aTrialGetsTheSecretsItReferencesFromTheChart() {
        Set<String> rendered = new TreeSet<>();
        Renderings.ofKind(Renderings.DEFAULTS, "Secret").forEach(secret -> rendered.add(secret.name()));

        assertEquals(referencedSecrets(Renderings.DEFAULTS), rendered);
    }

    @Test
    void theSecretsTheMigrationJobNeedsExistBeforeIt() {
        for (Manifest secret : Renderings.ofKind(Renderings.DEFAULTS, "Secret")) {
            if (secret.name().endsWith("-postgres")) {
                assertTrue(secret.isHook(), "the migration Job is a pre-install hook and reads this Secret");
            }
        }
    }

    private static Manifest deployment(String installation, String name) {
        return Renderings.ofKind(installation, "Deployment").stream()
                .filter(deployment -> deployment.name().equals(name)).findFirst().orElseThrow();
    }

    private static String secretReference(Manifest workload, String variable) {
        JsonNode reference = workload.environmentVariable(variable)
                .orElseThrow(() -> new AssertionError(workload + " does not set " + variable))
                .at("/valueFrom/secretKeyRef");
        return reference.path("name").asText() + "/" + reference.path("key").asText();
    }

    private static Set<String> referencedSecrets(String installation) {
        Set<String> names = new TreeSet<>();
        for (Manifest workload : WorkloadInvariantsTest.workloads(installation)) {
            JsonNode pod = workload.podTemplate().orElseThrow().path("spec");
            pod.findValues("secretKeyRef").forEach(reference -> names.add(reference.path("name").asText()));
            pod.path("volumes").forEach(volume -> {
                if (volume.has("secret")) {
                    names.add(volume.at("/secret/secretName").asText());
                }
            });
        }
        return names;
    }
}
