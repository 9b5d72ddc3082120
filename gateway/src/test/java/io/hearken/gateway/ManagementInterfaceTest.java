package io.hearken.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health and metrics live on the management port only; the public port knows nothing of them. */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL api;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"})
    void apiPortAnswers404ForManagementPaths(String path) {
        given().when().get(path).then().statusCode(404);
    }

    @Test
    void managementPortIsNotTheApiPort() {
        assertNotEquals(api.getPort(), management.getPort(), management + " vs " + api);
    }

    @Test
    void managementPortAnswersReadinessAndMetrics() {
        given().baseUri(base()).when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(base()).when().get("/q/metrics")
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void requestMetricsHaveOneSeriesPerRouteNotOnePerIdInThePath() {
        for (String survey : new String[] {"metrics-survey-one", "metrics-survey-two"}) {
            given().when().get("/api/v1/public/surveys/" + survey).then().statusCode(200);
        }
        given().when().get("/api/v1/nothing-here/metrics-path").then().statusCode(404);
        for (String page : new String[] {"metrics-page-one", "metrics-page-two"}) {
            given().when().get("/respond/" + page).then().statusCode(200);
        }
        given().when().get("/respond/assets/metrics-file.js").then().statusCode(404);

        String metrics = given().baseUri(base()).when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/v1/public/surveys/{public-survey}\""), "the route's series");
        assertTrue(metrics.contains("uri=\"/api/{no-route}\""), "one series for every path that is no route");
        assertTrue(metrics.contains("uri=\"/respond/{surveyId}\""), "one series for every survey's page");
        assertTrue(metrics.contains("uri=\"/respond/assets/{file}\""), "one series for the page's files");
        assertFalse(metrics.contains("metrics-survey-one") || metrics.contains("metrics-path")
                        || metrics.contains("metrics-page-one") || metrics.contains("metrics-file"),
                "an id or a stranger's path never becomes a series of its own");
    }

    @Test
    void noPathClimbsFromTheApiToTheGatewaysOwnManagementPaths() throws IOException {
        assertEquals(400, RawHttp.get("/api/../q/metrics", null).status());
        assertEquals(400, RawHttp.get("/api/%2e%2e/q/health/ready", null).status());
    }

    private String base() {
        return "http://" + management.getHost() + ":" + management.getPort();
    }
}
