package io.hearken.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rendered manifest is a valid object of its Kubernetes API type, checked strictly (StrictApiTypes). */
class ManifestValidityTest {

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void everyManifestIsAValidApiObject(String installation) {
        List<Manifest> manifests = Renderings.of(installation);
        List<String> problems = manifests.stream().flatMap(manifest -> StrictApiTypes.problems(manifest).stream())
                .toList();

        assertFalse(manifests.isEmpty());
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void namesAreUniquePerKind(String installation) {
        List<String> names = Renderings.of(installation).stream().map(Manifest::toString).toList();

        assertEquals(names.size(), names.stream().distinct().count(), () -> "duplicates in " + names);
    }

    @Test
    void theHooksAreRenderedAndCheckedToo() {
        List<String> hooks = Renderings.of(Renderings.PRODUCTION).stream().filter(Manifest::isHook)
                .map(Manifest::toString).sorted().toList();

        assertEquals(List.of("Job/hearken-insight-service-migrate", "Job/hearken-profile-service-migrate",
                "Job/hearken-realm-import", "Job/hearken-webhook-service-migrate",
                "NetworkPolicy/hearken-insight-service-migrate", "NetworkPolicy/hearken-profile-service-migrate",
                "NetworkPolicy/hearken-webhook-service-migrate"), hooks);
    }

    @Test
    void aMisspeltFieldInARenderedManifestIsReported() {
        // extraEnv passes its entries through untyped: the API type is what must catch "valu"
        List<Manifest> manifests = Chart.hearken()
                .with("services.gateway.extraEnv[0].name", "HEARKEN_EXTRA")
                .with("services.gateway.extraEnv[0].valu", "typo")
                .render();
        List<String> problems = manifests.stream().flatMap(manifest -> StrictApiTypes.problems(manifest).stream())
                .toList();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("Deployment/hearken-gateway") && problems.get(0).contains("valu"),
                problems::toString);
    }

    @Test
    void aValueOfTheWrongTypeIsReported() {
        ObjectNode deployment = new ObjectMapper().createObjectNode();
        deployment.put("apiVersion", "apps/v1").put("kind", "Deployment");
        deployment.putObject("metadata").put("name", "wrong");
        deployment.putObject("spec").put("replicas", "two");

        List<String> problems = StrictApiTypes.problems(new Manifest(deployment));

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("does not bind"), problems::toString);
    }

    @Test
    void aKindWithoutAKnownTypeIsReported() {
        ObjectNode unknown = new ObjectMapper().createObjectNode();
        unknown.put("apiVersion", "apps/v1beta1").put("kind", "Deployment");

        assertEquals(1, StrictApiTypes.problems(new Manifest(unknown)).size());
    }
}
