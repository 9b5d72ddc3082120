package io.hearken.insight.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.hearken.insight.rest.AlertFixtures.awaitAlerts;
import static io.hearken.insight.rest.AlertFixtures.createRule;
import static io.hearken.insight.rest.AlertFixtures.newTenant;
import static io.hearken.insight.rest.AlertFixtures.nps;
import static io.hearken.insight.rest.AlertFixtures.openCase;
import static io.hearken.insight.rest.AlertFixtures.publish;
import static io.hearken.insight.rest.AlertFixtures.response;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A follow-up case through the API, opened by a real detractor response: assigned, annotated and resolved; the
 * moves its lifecycle forbids are 409 naming {@code status}, a missing outcome 400 naming {@code outcome}, and
 * another tenant sees no case.
 */
@QuarkusTest
class CaseResourceTest {

    private static ValidatableResponse command(String tenant, String caseId, String action, String body) {
        return given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "agent:agatha")
                .contentType(ContentType.JSON).body(body)
                .when().post("/v1/cases/{id}/" + action, caseId).then();
    }

    @Test
    void assignsAnnotatesAndResolvesACase() {
        String tenant = newTenant();
        String caseId = openCase(tenant, "HIGH");
        given().header("X-Hearken-Tenant", tenant).when().get("/v1/cases/{id}", caseId).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("priority", equalTo("HIGH"))
                .body("overdue", equalTo(false))
                .body("alert.reason", containsString("detractor"))
                .body("alert.evidence", equalTo("nps=2"))
                .body("notes", hasSize(0))
                .body("escalations", hasSize(0));

        command(tenant, caseId, "assign", "{\"assignee\": \"agatha\"}").statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("assignee", equalTo("agatha"))
                .body("assignedAt", notNullValue());
        command(tenant, caseId, "notes", "{\"text\": \"Called back, a refund was promised.\"}").statusCode(200)
                .body("notes", hasSize(1))
                .body("notes[0].author", equalTo("agatha"))
                .body("notes[0].text", equalTo("Called back, a refund was promised."));
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "admin:arnold")
                .contentType(ContentType.JSON).body("{\"text\": \"Refunded.\"}")
                .when().post("/v1/cases/{id}/notes", caseId).then().statusCode(200)
                .body("notes.author", contains("agatha", "arnold"));
        command(tenant, caseId, "resolve", "{\"outcome\": \"RECOVERED\", \"rootCause\": \"billing.double-charge\"}")
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("outcome", equalTo("RECOVERED"))
                .body("rootCause", equalTo("billing.double-charge"))
                .body("resolvedBy", equalTo("agatha"))
                .body("resolvedAt", notNullValue())
                .body("notes", hasSize(2));

        given().header("X-Hearken-Tenant", tenant).queryParam("status", "RESOLVED").when().get("/v1/cases")
                .then().statusCode(200).body("items.id", contains(caseId)).body("items[0].notes", nullValue());
        given().header("X-Hearken-Tenant", tenant).queryParam("status", "open").when().get("/v1/cases")
                .then().body("items", hasSize(0));
        given().header("X-Hearken-Tenant", tenant).queryParam("assignee", "agatha").queryParam("priority", "HIGH")
                .when().get("/v1/cases").then().body("items.id", contains(caseId));
        given().header("X-Hearken-Tenant", tenant).queryParam("overdue", "true").when().get("/v1/cases")
                .then().body("items", hasSize(0));
    }

    @Test
    void listsTheCasesRaisedByTheGivenResponsesOnly() {
        String tenant = newTenant();
        createRule(tenant, "{\"name\": \"Detractors\", \"type\": \"DETRACTOR\", \"priority\": \"HIGH\"}");
        String mine = UUID.randomUUID().toString();
        String someoneElses = UUID.randomUUID().toString();
        publish(tenant, List.<String[]>of(new String[] {mine, response(tenant, mine, true, nps(1))},
                new String[] {someoneElses, response(tenant, someoneElses, true, nps(3))}));
        awaitAlerts(tenant, 2);

        given().header("X-Hearken-Tenant", tenant).queryParam("responseId", mine, "never-answered")
                .when().get("/v1/cases").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].alert.responseId", equalTo(mine));
        given().header("X-Hearken-Tenant", tenant).when().get("/v1/cases").then().body("items", hasSize(2));
        given().header("X-Hearken-Tenant", newTenant()).queryParam("responseId", mine)
                .when().get("/v1/cases").then().statusCode(200).body("items", hasSize(0));
        given().header("X-Hearken-Tenant", tenant).queryParam("responseId", " ")
                .when().get("/v1/cases").then().statusCode(400).body("errors.field", contains("responseId"));
    }

    @Test
    void aResolvedCaseIsFinal() {
        String tenant = newTenant();
        String caseId = openCase(tenant, "LOW");
        command(tenant, caseId, "resolve", "{\"outcome\": \"NOT_ACTIONABLE\", \"rootCause\": \"test answer\"}")
                .statusCode(200).body("status", equalTo("RESOLVED")).body("assignee", nullValue());

        command(tenant, caseId, "assign", "{\"assignee\": \"agatha\"}").statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("detail", containsString("RESOLVED → ASSIGNED"));
        command(tenant, caseId, "resolve", "{\"outcome\": \"RECOVERED\", \"rootCause\": \"again\"}").statusCode(409)
                .body("errors[0].field", equalTo("status"));
        // Notes may still be added to a resolved case.
        command(tenant, caseId, "notes", "{\"text\": \"Customer wrote back anyway.\"}").statusCode(200);
    }

    @Test
    void refusesAResolutionWithoutAValidOutcomeOrRootCause() {
        String tenant = newTenant();
        String caseId = openCase(tenant, "MEDIUM");
        command(tenant, caseId, "resolve", "{\"rootCause\": \"billing\"}").statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation"))
                .body("errors.field", contains("outcome"));
        command(tenant, caseId, "resolve", "{\"outcome\": \"HAPPY\", \"rootCause\": \"billing\"}").statusCode(400)
                .body("errors.field", contains("outcome"));
        command(tenant, caseId, "resolve", "{\"outcome\": \"RECOVERED\"}").statusCode(400)
                .body("errors.field", contains("rootCause"));
        command(tenant, caseId, "assign", "{}").statusCode(400).body("errors.field", contains("assignee"));
        command(tenant, caseId, "notes", "{\"text\": \" \"}").statusCode(400).body("errors.field", contains("text"));
        given().header("X-Hearken-Tenant", tenant).when().get("/v1/cases/{id}", caseId).then()
                .body("status", equalTo("OPEN")).body("notes", hasSize(0));
    }

    @Test
    void anotherTenantsCaseIsNotFound() {
        String tenant = newTenant();
        String other = newTenant();
        String caseId = openCase(tenant, "HIGH");
        given().header("X-Hearken-Tenant", other).when().get("/v1/cases/{id}", caseId).then().statusCode(404)
                .contentType("application/problem+json");
        command(other, caseId, "assign", "{\"assignee\": \"mallory\"}").statusCode(404);
        command(other, caseId, "notes", "{\"text\": \"mine\"}").statusCode(404);
        command(other, caseId, "resolve", "{\"outcome\": \"RECOVERED\", \"rootCause\": \"x\"}").statusCode(404);
        given().header("X-Hearken-Tenant", other).when().get("/v1/cases").then().body("items", hasSize(0));
        given().header("X-Hearken-Tenant", other).when().get("/v1/alerts").then().body("items", hasSize(0));
        given().header("X-Hearken-Tenant", tenant).when().get("/v1/cases/{id}", caseId).then()
                .body("status", equalTo("OPEN")).body("notes", hasSize(0));
    }

    @Test
    void refusesUnknownQueryValues() {
        String tenant = newTenant();
        given().header("X-Hearken-Tenant", tenant).queryParam("status", "CLOSED").when().get("/v1/cases")
                .then().statusCode(400).body("errors.field", contains("status"));
        given().header("X-Hearken-Tenant", tenant).queryParam("limit", 501).when().get("/v1/cases")
                .then().statusCode(400).body("errors.field", contains("limit"));
        given().header("X-Hearken-Tenant", tenant).queryParam("limit", 0).when().get("/v1/alerts")
                .then().statusCode(400).body("errors.field", contains("limit"));
    }
}
