package io.hearken.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.hearken.testing.ObservabilityContract.onManagementPort;
import static org.hamcrest.Matchers.equalTo;

/**
 * The half of readiness that a hard-coded UP would also pass: with one dependency pointed at a closed port
 * ({@link KafkaAway}, {@link DatabaseAway}), readiness must answer 503 DOWN and name that dependency's check as DOWN.
 * No shared server is stopped, so this runs alongside every other test. A service has one test per dependency,
 * extending this under {@code @TestProfile(ReadinessDownContract.KafkaAway.class)} (or {@code DatabaseAway}) and
 * naming the check that must go DOWN.
 */
public abstract class ReadinessDownContract {

    /** A port on which nothing listens (port 1, tcpmux, is never served on these machines). */
    public static final String CLOSED = "127.0.0.1:1";

    private final List<String> checksThatMustBeDown;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    protected ReadinessDownContract(String... checksThatMustBeDown) {
        this.checksThatMustBeDown = List.of(checksThatMustBeDown);
    }

    @Test
    public void readinessIsDownAndNamesEachDependencyThatIsAway() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var answer = onManagementPort(management).when().get("/q/health/ready")
                    .then().statusCode(503)
                    .body("status", equalTo("DOWN"));
            for (String check : checksThatMustBeDown) {
                answer.body("checks.find { it.name.contains('" + check + "') }.status", equalTo("DOWN"));
            }
        });
    }

    /** Kafka pointed at a closed port; the database stays. */
    public static class KafkaAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The test resources hand out KAFKA_BOOTSTRAP_SERVERS, which the Kafka connector also reads as
            // kafka.bootstrap.servers: override both names.
            return Map.of("KAFKA_BOOTSTRAP_SERVERS", CLOSED, "kafka.bootstrap.servers", CLOSED,
                    "hearken.survey.projection.enabled", "false");
        }
    }

    /** The service's database (PostgreSQL or MongoDB) pointed at a closed port; Kafka stays. */
    public static class DatabaseAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://" + CLOSED + "/hearken",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + CLOSED + "/hearken",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.mongodb.connection-string", "mongodb://" + CLOSED,
                    "hearken.survey.projection.enabled", "false");
        }
    }
}
