package io.hearken.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a Quarkus test at the run's real Kafka broker and PostgreSQL server. The values are returned under the
 * environment-variable names the services' {@code application.properties} expand, e.g. {@code ${POSTGRES_HOST}}.
 */
public class KafkaAndPostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestInfrastructure.settings(false);
    }

    @Override
    public void stop() {
        // The servers belong to the test run, not to one test class: TestInfrastructure stops what it started.
    }
}
