package io.hearken.k8s;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code helm lint --strict}: the chart's structure, its templates and its default values against the schema. */
class ChartLintTest {

    @Test
    void passesStrictLint() {
        LintResult result = Chart.hearken().lint();

        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }
}
