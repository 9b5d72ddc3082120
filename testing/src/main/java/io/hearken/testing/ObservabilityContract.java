package io.hearken.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

/**
 * What an SRE and a frontend developer rely on from every service: readiness that reflects its real
 * dependencies, Prometheus metrics, and an OpenAPI document. A service's {@code @QuarkusTest} extends this and
 * names its database and one of its API paths.
 */
public abstract class ObservabilityContract {

    private final String databaseCheck;
    private final String documentedPath;

    protected ObservabilityContract(String databaseCheck, String documentedPath) {
        this.databaseCheck = databaseCheck;
        this.documentedPath = documentedPath;
    }

    @Test
    public void readinessReportsKafkaAndTheDatabase() {
        // Kafka clients connect in the background after start-up: give them a moment on a slow machine.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem("Event consumers"))
                .body("checks.name", hasItem("Kafka topics"))
                .body("checks.name", hasItem(containsString(databaseCheck)));
    }

    @Test
    public void servesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    public void documentsItsApiInOpenApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey(documentedPath));
    }
}
