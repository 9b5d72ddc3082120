package io.hearken.k8s;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The two installations every invariant is checked on: the chart's defaults (a trial) and k8s/values-production.yaml
 * (what an SRE runs). Rendered once per test run and shared by the test classes.
 */
final class Renderings {

    static final String DEFAULTS = "default values";
    static final String PRODUCTION = "values-production.yaml";

    private static final Map<String, List<Manifest>> RENDERED = new ConcurrentHashMap<>();

    private Renderings() {
    }

    /** Parameter source for tests that hold for both installations. */
    static Stream<String> both() {
        return Stream.of(DEFAULTS, PRODUCTION);
    }

    static List<Manifest> of(String installation) {
        return RENDERED.computeIfAbsent(installation, name -> switch (name) {
            case DEFAULTS -> Chart.hearken().render();
            case PRODUCTION -> Chart.hearken().withValues(Chart.productionValues()).render();
            default -> throw new IllegalArgumentException(name);
        });
    }

    static List<Manifest> ofKind(String installation, String kind) {
        return of(installation).stream().filter(manifest -> manifest.kind().equals(kind)).toList();
    }
}
