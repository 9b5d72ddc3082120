package io.hearken.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Like {@link KafkaAndPostgresResource}, plus the run's real Keycloak with the {@code hearken} realm. */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestInfrastructure.settings(true);
    }

    @Override
    public void stop() {
        // Shared by the whole run; see TestInfrastructure.
    }
}
