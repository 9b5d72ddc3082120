package io.hearken.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In production every credential comes from a Secret that exists before the release (existingSecret), so none
 * passes through Helm's values or release history; the chart makes Secrets only for a trial.
 */
class SecretsTest {

    @Test
    void productionRendersNoSecretAndReferencesOnlyExistingOnes() {
        assertEquals(List.of(), Renderings.ofKind(Renderings.PRODUCTION, "Secret"));
        assertEquals(Set.of("hearken-kafka-user", "hearken-postgres", "hearken-mongodb", "hearken-invitations",
                "hearken-smtp", "keycloak-admin", "kafka-cluster-ca-cert"), referencedSecrets(Renderings.PRODUCTION));
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
