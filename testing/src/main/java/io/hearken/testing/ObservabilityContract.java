package io.hearken.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What an SRE and a frontend developer rely on from every service: readiness that reflects its real
 * dependencies, Prometheus metrics, and an OpenAPI document, all on the management port (never on the API port).
 * A service's {@code @QuarkusTest} extends this and names its database and one of its API paths;
 * {@link ReadinessDownContract} checks the other half, that readiness goes DOWN when a dependency is away.
 */
public abstract class ObservabilityContract {

    private final String databaseCheck;
    private final String documentedPath;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    protected ObservabilityContract(String databaseCheck, String documentedPath) {
        this.databaseCheck = databaseCheck;
        this.documentedPath = documentedPath;
    }

    /** A request to the management interface ({@code quarkus.management.*}), whatever port the test gave it. */
    public static RequestSpecification onManagementPort(URL management) {
        return given().baseUri("http://" + management.getHost() + ":" + management.getPort());
    }

    @Test
    public void readinessReportsKafkaAndTheDatabase() {
        // Kafka clients connect in the background after start-up: give them a moment on a slow machine.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                onManagementPort(management).when().get("/q/health/ready").then().statusCode(200));
        onManagementPort(management).when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem("Event consumers"))
                .body("checks.name", hasItem("Kafka topics"))
                .body("checks.name", hasItem(containsString(databaseCheck)))
                .body("checks.status", not(hasItem("DOWN")));
    }

    @Test
    public void servesPrometheusMetrics() {
        onManagementPort(management).when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    public void documentsItsApiInOpenApi() {
        onManagementPort(management).queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey(documentedPath));
    }

    /**
     * The gateway publishes one OpenAPI document for the whole public API, merged from copies of the services'
     * documents packaged with it ({@code gateway/src/main/resources/openapi/<service>.json}), so that it depends on
     * no service being up. This keeps each copy equal to what the service documents now: a stale copy is rewritten
     * and the test fails, so the change is seen, reviewed and committed with the API change that caused it.
     */
    @Test
    public void theGatewaysCopyOfThisApiDocumentIsCurrent() throws IOException {
        String service = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        String served = onManagementPort(management).queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Path copy = TestInfrastructure.repositoryRoot()
                .resolve("gateway/src/main/resources/openapi/" + service + ".json");
        ObjectMapper json = new ObjectMapper();
        JsonNode current = json.readTree(served);
        if (Files.exists(copy) && json.readTree(copy.toFile()).equals(current)) {
            return;
        }
        Files.writeString(copy, json.writerWithDefaultPrettyPrinter().writeValueAsString(current) + "\n");
        fail(copy + " was not " + service + "'s OpenAPI document and has been rewritten: review the change "
                + "(the public API document changes with it) and commit it.");
    }

    @ParameterizedTest(name = "API port: {0} is 404")
    @ValueSource(strings = {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"})
    public void apiPortServesNoManagementPath(String path) {
        given().when().get(path).then().statusCode(404);
    }

    @Test
    public void managementPortIsNotTheApiPort() {
        onManagementPort(management).when().get("/q/health/live").then().statusCode(200);
        assertNotEquals(RestAssured.port, management.getPort());
    }
}
