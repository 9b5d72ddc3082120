package io.hearken.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every Hearken pod must be: probed on its management port, bounded in CPU and memory, and within the
 * {@code restricted} Pod Security Standard (non-root, read-only root filesystem with a writable /tmp, no privilege
 * escalation, no capabilities, RuntimeDefault seccomp, no service account token).
 */
class WorkloadInvariantsTest {

    static final Set<String> SERVICES = Set.of("gateway", "survey-service", "profile-service", "insight-service",
            "webhook-service");

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void theFiveServicesAreDeployed(String installation) {
        Set<String> deployed = new TreeSet<>();
        Renderings.ofKind(installation, "Deployment").forEach(deployment ->
                deployed.add(deployment.tree().at("/spec/template/metadata/labels").path("app.kubernetes.io/name")
                        .asText()));

        assertEquals(new TreeSet<>(SERVICES), deployed);
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void everyDeploymentHasStartupLivenessAndReadinessProbesOnTheManagementPort(String installation) {
        for (Manifest deployment : Renderings.ofKind(installation, "Deployment")) {
            JsonNode container = onlyContainer(deployment);
            assertProbe(deployment, container.path("startupProbe"), "/q/health/started");
            assertProbe(deployment, container.path("livenessProbe"), "/q/health/live");
            assertProbe(deployment, container.path("readinessProbe"), "/q/health/ready");
        }
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void everyContainerHasRequestsAndLimits(String installation) {
        for (Manifest workload : workloads(installation)) {
            for (JsonNode container : containers(workload)) {
                JsonNode resources = container.path("resources");
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertFalse(resources.path(bound).path(resource).asText().isEmpty(),
                                () -> workload + " has no " + bound + "." + resource);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void everyPodIsRestricted(String installation) {
        for (Manifest workload : workloads(installation)) {
            JsonNode pod = workload.podTemplate().orElseThrow().path("spec");
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), () -> workload + ": runAsNonRoot");
            assertTrue(pod.at("/securityContext/runAsUser").asInt() > 0, () -> workload + ": a non-root user id");
            assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText(),
                    () -> workload + ": seccomp");
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), () -> workload + ": token");
            assertFalse(pod.path("hostNetwork").asBoolean() || pod.path("hostPID").asBoolean()
                    || pod.path("hostIPC").asBoolean(), () -> workload + ": host namespaces");
            for (JsonNode volume : pod.path("volumes")) {
                assertTrue(volume.has("emptyDir") || volume.has("secret") || volume.has("configMap"),
                        () -> workload + ": volume " + volume);
            }
            for (JsonNode container : containers(workload)) {
                JsonNode security = container.path("securityContext");
                assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), () -> workload + ": escalation");
                assertFalse(security.path("privileged").asBoolean(), () -> workload + ": privileged");
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), () -> workload + ": read-only root");
                assertEquals(List.of("ALL"), Manifest.elements(security.at("/capabilities/drop")).stream()
                        .map(JsonNode::asText).toList(), () -> workload + ": drop ALL");
                assertTrue(security.at("/capabilities/add").isMissingNode(), () -> workload + ": no capability");
                assertTrue(writableTmp(pod, container), () -> workload + ": /tmp on an emptyDir");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void everyServiceAccountLeavesItsTokenUnmounted(String installation) {
        List<Manifest> accounts = Renderings.ofKind(installation, "ServiceAccount");

        assertEquals(SERVICES.size(), accounts.size());
        accounts.forEach(account -> assertFalse(account.tree().path("automountServiceAccountToken").asBoolean(true),
                account::toString));
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void noEnvironmentVariableCarriesACredentialInline(String installation) {
        for (Manifest workload : workloads(installation)) {
            for (JsonNode container : containers(workload)) {
                for (JsonNode variable : container.path("env")) {
                    String name = variable.path("name").asText();
                    if (name.matches(".*(PASSWORD|TOKEN|SIGNING_KEY|MONGODB_URI|USERNAME|_USER)$")) {
                        assertTrue(variable.at("/valueFrom/secretKeyRef").isObject(),
                                () -> workload + ": " + name + " must come from a Secret");
                    }
                }
            }
        }
    }

    private static void assertProbe(Manifest deployment, JsonNode probe, String path) {
        assertEquals(path, probe.at("/httpGet/path").asText(), () -> deployment + ": probe " + path);
        assertEquals("management", probe.at("/httpGet/port").asText(), () -> deployment + ": probe port of " + path);
    }

    private static boolean writableTmp(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                String volume = mount.path("name").asText();
                for (JsonNode candidate : pod.path("volumes")) {
                    if (candidate.path("name").asText().equals(volume) && candidate.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static List<Manifest> workloads(String installation) {
        return Renderings.of(installation).stream().filter(manifest -> manifest.podTemplate().isPresent()).toList();
    }

    static List<JsonNode> containers(Manifest workload) {
        JsonNode pod = workload.podTemplate().orElseThrow().path("spec");
        List<JsonNode> containers = new ArrayList<>(Manifest.elements(pod.path("containers")));
        containers.addAll(Manifest.elements(pod.path("initContainers")));
        return containers;
    }

    private static JsonNode onlyContainer(Manifest deployment) {
        List<JsonNode> containers = containers(deployment);
        assertEquals(1, containers.size(), deployment::toString);
        return containers.get(0);
    }
}
