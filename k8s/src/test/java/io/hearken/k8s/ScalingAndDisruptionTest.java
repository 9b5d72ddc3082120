package io.hearken.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every service scales on CPU (and, where asked, consumer lag), survives voluntary disruptions and spreads out. */
class ScalingAndDisruptionTest {

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void everyDeploymentHasAnHpaOnCpu(String installation) {
        for (Manifest deployment : Renderings.ofKind(installation, "Deployment")) {
            Manifest hpa = Renderings.ofKind(installation, "HorizontalPodAutoscaler").stream()
                    .filter(candidate -> candidate.tree().at("/spec/scaleTargetRef/name").asText()
                            .equals(deployment.name()))
                    .findFirst().orElseThrow(() -> new AssertionError(deployment + " has no HPA"));
            assertTrue(hpa.tree().at("/spec/minReplicas").asInt() >= 2, () -> hpa + ": at least two replicas");
            assertTrue(hpa.tree().findValues("resource").stream()
                    .anyMatch(resource -> resource.path("name").asText().equals("cpu")), hpa::toString);
            assertTrue(deployment.tree().at("/spec/replicas").isMissingNode(),
                    () -> deployment + ": replicas belong to the HPA, or every upgrade resets them");
        }
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void everyDeploymentHasAPodDisruptionBudget(String installation) {
        for (Manifest deployment : Renderings.ofKind(installation, "Deployment")) {
            Map<String, String> labels = Manifest.labels(deployment.tree().at("/spec/template/metadata/labels"));
            List<Manifest> budgets = Renderings.ofKind(installation, "PodDisruptionBudget").stream()
                    .filter(budget -> Manifest.selects(budget.tree().at("/spec/selector"), labels))
                    .toList();
            assertEquals(1, budgets.size(), deployment::toString);
        }
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void everyDeploymentSpreadsOverZonesAndNodes(String installation) {
        for (Manifest deployment : Renderings.ofKind(installation, "Deployment")) {
            Set<String> keys = new TreeSet<>();
            deployment.tree().at("/spec/template/spec/topologySpreadConstraints")
                    .forEach(constraint -> keys.add(constraint.path("topologyKey").asText()));
            assertEquals(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"), keys,
                    deployment::toString);
        }
    }

    @Test
    void productionScalesTheConsumersOnTheirLag() {
        Set<String> groups = new TreeSet<>();
        for (Manifest hpa : Renderings.ofKind(Renderings.PRODUCTION, "HorizontalPodAutoscaler")) {
            for (JsonNode external : hpa.tree().findValues("external")) {
                assertEquals("kafka_consumergroup_lag", external.at("/metric/name").asText());
                groups.add(external.at("/metric/selector/matchLabels/consumergroup").asText());
            }
        }
        assertEquals(Set.of("survey-projector", "profile-timeline", "insight-rollups"), groups);
    }
}
