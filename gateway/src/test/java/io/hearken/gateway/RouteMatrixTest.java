package io.hearken.gateway;

import io.hearken.gateway.routing.ApiRoute;
import io.hearken.gateway.routing.RouteTable;
import io.hearken.testing.KeycloakTokens;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The route × role matrix of {@code docs/security.md} is what the gateway does: every cell is called through the
 * gateway with a real Keycloak token of that role (or none), both ways, and every route of {@link RouteTable} must
 * be in the matrix exactly once, so the document cannot fall behind the code.
 */
@QuarkusTest
class RouteMatrixTest {

    private static final List<String> ROLES = List.of("admin", "analyst", "agent", "partner", "anyone");

    private final String keycloakUrl = TestInfrastructure.keycloakUrl();

    record Row(String route, String method, String path, Map<String, Boolean> allowed) {
    }

    @Test
    void everyRouteIsInTheMatrixOnceWithAnExamplePathItMatches() throws IOException {
        List<Row> rows = matrix();
        Set<String> documented = rows.stream().map(Row::route).collect(Collectors.toSet());
        assertEquals(rows.size(), documented.size(), "a route appears twice in docs/security.md");
        assertEquals(RouteTable.all().stream().map(ApiRoute::name).collect(Collectors.toSet()), documented,
                "docs/security.md's matrix and routing.RouteTable name different routes");
        for (Row row : rows) {
            ApiRoute route = RouteTable.find(row.method(), row.path()).orElseThrow();
            assertEquals(row.route(), route.name(), row.method() + " " + row.path());
            for (String role : ROLES) {
                boolean allowedByCode = route.isPublic() || route.rolesAllowed().contains(role);
                assertEquals(allowedByCode, row.allowed().get(role), row.route() + " × " + role);
            }
        }
    }

    @Test
    void everyCellHoldsThroughTheGatewayWithRealTokens() throws IOException {
        Map<String, String> tokens = new HashMap<>();
        tokens.put("admin", KeycloakTokens.forUser(keycloakUrl, "alice"));
        tokens.put("analyst", KeycloakTokens.forUser(keycloakUrl, "arthur"));
        tokens.put("agent", KeycloakTokens.forUser(keycloakUrl, "agatha"));
        tokens.put("partner", KeycloakTokens.forClient(keycloakUrl, "hearken-partner-acme", "partner-secret-acme"));
        List<String> wrong = new ArrayList<>();
        for (Row row : matrix()) {
            for (String role : ROLES) {
                RequestSpecification request = given().contentType(ContentType.JSON);
                if (tokens.containsKey(role)) {
                    request = request.auth().oauth2(tokens.get(role));
                }
                if (row.method().equals("POST")) {
                    request = request.body("{}");
                }
                int status = request.when().request(row.method(), "/api" + row.path()).statusCode();
                int expected = row.allowed().get(role) ? 200 : role.equals("anyone") ? 401 : 403;
                if (status != expected) {
                    wrong.add(row.route() + " × " + role + ": " + status + " instead of " + expected);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** The rows between the route-matrix markers of docs/security.md. */
    static List<Row> matrix() throws IOException {
        String doc = Files.readString(TestInfrastructure.repositoryRoot().resolve("docs/security.md"));
        String table = doc.substring(doc.indexOf("<!-- route-matrix:start -->"),
                doc.indexOf("<!-- route-matrix:end -->"));
        List<Row> rows = new ArrayList<>();
        for (String line : table.lines().toList()) {
            String[] cells = line.split("\\|");
            if (cells.length < 9 || cells[1].isBlank() || cells[1].trim().equals("route")
                    || cells[1].contains("---")) {
                continue;
            }
            Map<String, Boolean> allowed = new HashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                String cell = cells[4 + i].trim();
                assertTrue(cell.equals("yes") || cell.equals("no"), "cell '" + cell + "' in " + line);
                allowed.put(ROLES.get(i), cell.equals("yes"));
            }
            rows.add(new Row(cells[1].trim(), cells[2].trim(), cells[3].trim(), allowed));
        }
        return rows;
    }
}
