package io.hearken.insight.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The alert-rule API: create, read, list, replace, delete, per tenant; an invalid rule is a 400 naming its fields. */
@QuarkusTest
class AlertRuleResourceTest {

    private static String tenant() {
        return "alerts-" + UUID.randomUUID();
    }

    private static ValidatableResponse post(String tenant, String body) {
        return given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON).body(body)
                .when().post("/v1/alert-rules").then();
    }

    @Test
    void createsReadsListsReplacesAndDeletesARule() {
        String tenant = tenant();
        String location = post(tenant, """
                {"name": "Cancellations", "type": "KEYWORD", "priority": "HIGH", "keywords": ["cancel*", "解約"]}""")
                .statusCode(201)
                .body("type", equalTo("KEYWORD"))
                .body("priority", equalTo("HIGH"))
                .body("enabled", equalTo(true))
                .body("keywords", contains("cancel*", "解約"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().header("X-Hearken-Tenant", tenant).when().get(location).then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("Cancellations"));
        post(tenant, """
                {"name": "Unhappy", "type": "LOW_CSAT", "priority": "MEDIUM", "threshold": 1}""").statusCode(201);
        given().header("X-Hearken-Tenant", tenant).when().get("/v1/alert-rules").then().statusCode(200)
                .body("items.name", contains("Cancellations", "Unhappy"));

        given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON).body("""
                        {"name": "Detractors", "type": "DETRACTOR", "priority": "urgent", "enabled": false,
                         "surveyId": "s1"}""")
                .when().put("/v1/alert-rules/{id}", id).then().statusCode(200)
                .body("type", equalTo("DETRACTOR")).body("priority", equalTo("URGENT"))
                .body("enabled", equalTo(false)).body("keywords", nullValue()).body("surveyId", equalTo("s1"));
        given().header("X-Hearken-Tenant", tenant).when().get("/v1/alert-rules/{id}", id).then()
                .body("name", equalTo("Detractors"));

        given().header("X-Hearken-Tenant", tenant).when().delete("/v1/alert-rules/{id}", id).then().statusCode(204);
        given().header("X-Hearken-Tenant", tenant).when().get("/v1/alert-rules/{id}", id).then().statusCode(404);
        given().header("X-Hearken-Tenant", tenant).when().delete("/v1/alert-rules/{id}", id).then().statusCode(404);
    }

    @Test
    void anotherTenantsRuleIsNotFound() {
        String owner = tenant();
        String other = tenant();
        String location = post(owner, """
                {"name": "Detractors", "type": "DETRACTOR", "priority": "HIGH"}""")
                .statusCode(201).extract().header("Location");
        given().header("X-Hearken-Tenant", other).when().get(location).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Hearken-Tenant", other).contentType(ContentType.JSON)
                .body("{\"name\": \"Mine\", \"type\": \"DETRACTOR\", \"priority\": \"LOW\"}")
                .when().put(location).then().statusCode(404);
        given().header("X-Hearken-Tenant", other).when().delete(location).then().statusCode(404);
        given().header("X-Hearken-Tenant", other).when().get("/v1/alert-rules").then().body("items", hasSize(0));
        given().header("X-Hearken-Tenant", owner).when().get(location).then().statusCode(200)
                .body("name", equalTo("Detractors"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing name     | name      | {"type":"DETRACTOR","priority":"HIGH"}
            blank name       | name      | {"name":" ","type":"DETRACTOR","priority":"HIGH"}
            unknown type     | type      | {"name":"r","type":"GRUMPY","priority":"HIGH"}
            missing type     | type      | {"name":"r","priority":"HIGH"}
            unknown priority | priority  | {"name":"r","type":"DETRACTOR","priority":"SOON"}
            missing priority | priority  | {"name":"r","type":"DETRACTOR"}
            detractor limit  | threshold | {"name":"r","type":"DETRACTOR","priority":"LOW","threshold":5}
            CSAT over 5      | threshold | {"name":"r","type":"LOW_CSAT","priority":"LOW","threshold":6}
            CSAT fraction    | threshold | {"name":"r","type":"LOW_CSAT","priority":"LOW","threshold":2.5}
            sentiment -2     | threshold | {"name":"r","type":"NEGATIVE_SENTIMENT","priority":"LOW","threshold":-2}
            no keywords      | keywords  | {"name":"r","type":"KEYWORD","priority":"LOW","keywords":[]}
            empty keyword    | keywords  | {"name":"r","type":"KEYWORD","priority":"LOW","keywords":["ok"," "]}
            no score         | score     | {"name":"r","type":"SCORE_DROP","priority":"LOW","period":"WEEK"}
            unknown score    | score     | {"name":"r","type":"SCORE_DROP","priority":"LOW","score":"X","period":"WEEK"}
            bad period       | period    | {"name":"r","type":"SCORE_DROP","priority":"LOW","score":"NPS","period":"AE"}
            blank survey     | surveyId  | {"name":"r","type":"DETRACTOR","priority":"LOW","surveyId":""}
            """)
    void refusesAnInvalidRuleNamingTheFieldAndStoresNothing(String why, String field, String body) {
        String tenant = tenant();
        post(tenant, body).statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation"))
                .body("errors.field", hasItem(field));
        given().header("X-Hearken-Tenant", tenant).when().get("/v1/alert-rules").then().body("items", hasSize(0));
    }

    @Test
    void namesEveryFieldAtFaultAtOnce() {
        post(tenant(), """
                {"type": "KEYWORD", "priority": "NOW", "keywords": []}""")
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "priority", "keywords"));
    }

    @Test
    void refusesAnInvalidReplacementAndKeepsTheRule() {
        String tenant = tenant();
        String location = post(tenant, """
                {"name": "Unhappy", "type": "LOW_CSAT", "priority": "HIGH", "threshold": 2}""")
                .statusCode(201).extract().header("Location");
        given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"name\": \"Unhappy\", \"type\": \"LOW_CSAT\", \"priority\": \"HIGH\", \"threshold\": 9}")
                .when().put(location).then().statusCode(400).body("errors.field", contains("threshold"));
        given().header("X-Hearken-Tenant", tenant).when().get(location).then().body("threshold", equalTo(2.0f));
    }
}
