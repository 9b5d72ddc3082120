package io.hearken.profile.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** What an SRE and a frontend developer rely on: readiness that reflects the real dependencies, metrics, OpenAPI. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void readinessReportsKafkaAndTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Messaging")))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }

    @Test
    void servesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void documentsItsApiInOpenApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/profiles"));
    }
}
