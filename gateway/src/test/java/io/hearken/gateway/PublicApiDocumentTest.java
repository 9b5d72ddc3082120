package io.hearken.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.gateway.routing.ApiRoute;
import io.hearken.gateway.routing.RouteTable;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public API's one document, as the gateway serves it on its API port: it names exactly the routes of the
 * {@link RouteTable} (each operation reaches the route it says, with that route's roles, and every route has an
 * operation), the bearer scheme on every authenticated operation and none on public ones, every error answer as a
 * problem document, and it is a valid OpenAPI 3 document (SmallRye's reader takes it whole; every reference and path
 * parameter resolves). Swagger UI is served beside it.
 */
@QuarkusTest
class PublicApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

    private String served;
    private JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        served = given().when().get("/api/openapi.json")
                .then().statusCode(200).contentType("application/json")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asString();
        document = new ObjectMapper().readTree(served);
        // Kept beside the build for a reader or a client generator: the document of this very build
        Files.createDirectories(Path.of("target/openapi"));
        Files.writeString(Path.of("target/openapi/public-api.json"), served);
    }

    @Test
    void namesEveryRouteOfTheGatewayAndNothingElse() {
        Set<String> documented = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        operations().forEach(operation -> {
            assertTrue(operation.path().startsWith("/api/v1/"), operation.path());
            String requestPath = operation.path().substring("/api".length()).replaceAll("\\{[^}/]+}", "x1");
            ApiRoute route = RouteTable.find(operation.method().toUpperCase(Locale.ROOT), requestPath).orElse(null);
            String claimed = operation.node().path("x-hearken-route").asText();
            if (route == null || !route.name().equals(claimed)) {
                wrong.add(operation.method() + " " + operation.path() + " says " + claimed + ", the gateway routes it "
                        + "to " + (route == null ? "nothing" : route.name()));
                return;
            }
            Set<String> roles = new HashSet<>();
            operation.node().path("x-hearken-roles").forEach(role -> roles.add(role.asText()));
            assertEquals(route.rolesAllowed(), roles, operation.method() + " " + operation.path());
            documented.add(route.name());
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(RouteTable.all().stream().map(ApiRoute::name).collect(Collectors.toCollection(TreeSet::new)),
                documented, "every route of the gateway has an operation in the document");
    }

    @Test
    void authenticatedOperationsNeedTheBearerSchemeAndPublicOnesNone() {
        JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");
        assertEquals("http", scheme.path("type").asText());
        assertEquals("bearer", scheme.path("scheme").asText());
        assertEquals("JWT", scheme.path("bearerFormat").asText());
        assertEquals(1, document.path("components").path("securitySchemes").size(), "one scheme");
        assertFalse(document.has("security"), "no global requirement: each operation says its own");
        operations().forEach(operation -> {
            JsonNode security = operation.node().path("security");
            boolean isPublic = operation.node().path("x-hearken-roles").isEmpty();
            String where = operation.method() + " " + operation.path();
            assertTrue(security.isArray(), where);
            if (isPublic) {
                assertEquals(0, security.size(), where + " is public");
                assertFalse(operation.node().path("responses").has("401"), where);
            } else {
                assertEquals("[{\"bearer\":[]}]", security.toString(), where);
                assertTrue(operation.node().path("responses").has("401"), where);
                assertTrue(operation.node().path("responses").has("403"), where);
            }
        });
    }

    @Test
    void everyErrorAnswerIsAProblemDocument() {
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        assertEquals(Set.of("type", "title", "status", "detail", "instance", "errors"),
                fieldNames(problem.path("properties")));
        operations().forEach(operation -> operation.node().path("responses").fields().forEachRemaining(answer -> {
            if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                JsonNode response = resolve(answer.getValue());
                assertEquals("#/components/schemas/Problem", response.path("content")
                        .path("application/problem+json").path("schema").path("$ref").asText(),
                        operation.method() + " " + operation.path() + " " + answer.getKey());
            }
        }));
        assertTrue(served.contains("\"503\""), "the gateway's own refusals are there");
    }

    @Test
    void isAValidOpenApi3Document() throws Exception {
        assertTrue(document.path("openapi").asText().startsWith("3."), document.path("openapi").asText());
        assertFalse(document.path("info").path("title").asText().isBlank());
        assertFalse(document.path("info").path("version").asText().isBlank());
        // SmallRye's reader (the one Quarkus serves documents with) takes the whole document into its model
        OpenAPI model = SmallRyeOpenAPI.builder()
                .withCustomStaticFile(() -> new ByteArrayInputStream(served.getBytes(StandardCharsets.UTF_8)))
                .enableModelReader(false).enableStandardFilter(false).enableAnnotationScan(false)
                .enableStandardStaticFiles(false)
                .build().model();
        assertEquals(document.path("paths").size(), model.getPaths().getPathItems().size());
        for (Map.Entry<String, PathItem> item : model.getPaths().getPathItems().entrySet()) {
            assertFalse(item.getValue().getOperations().isEmpty(), item.getKey());
            item.getValue().getOperations().values().forEach(operation -> assertFalse(
                    operation.getResponses() == null || operation.getResponses().getAPIResponses().isEmpty(),
                    item.getKey() + " has responses"));
        }
        assertTrue(model.getComponents().getSecuritySchemes().containsKey("bearer"));

        // Every reference points at something, and every path template is a declared path parameter
        List<String> broken = new ArrayList<>();
        references(document, broken);
        assertTrue(broken.isEmpty(), "unresolved: " + broken);
        Set<String> operationIds = new HashSet<>();
        operations().forEach(operation -> {
            Set<String> declared = new HashSet<>();
            List<JsonNode> parameters = new ArrayList<>();
            document.path("paths").path(operation.path()).path("parameters").forEach(parameters::add);
            operation.node().path("parameters").forEach(parameters::add);
            parameters.stream().map(this::resolve).filter(parameter -> "path".equals(parameter.path("in").asText()))
                    .forEach(parameter -> declared.add(parameter.path("name").asText()));
            Matcher template = TEMPLATE.matcher(operation.path());
            while (template.find()) {
                assertTrue(declared.contains(template.group(1)), operation.method() + " " + operation.path()
                        + " declares its path parameter " + template.group(1));
            }
            String id = operation.node().path("operationId").asText(null);
            assertTrue(id == null || operationIds.add(id), "operationId " + id + " is unique");
            operation.node().path("parameters").forEach(parameter -> assertFalse(resolve(parameter).path("name")
                    .asText().toLowerCase(Locale.ROOT).startsWith("x-hearken-"), "the gateway sets "
                    + parameter.path("name").asText() + ", not the client"));
        });
    }

    @Test
    void swaggerUiShowsTheDocumentOnTheApiPort() {
        given().redirects().follow(false).when().get("/api/docs").then().statusCode(302);
        given().when().get("/api/docs/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("swagger-ui-bundle.js"));
        given().when().get("/api/docs/start.js").then().statusCode(200)
                .body(containsString("/api/openapi.json"));
        given().when().get("/api/docs/swagger-ui-bundle.js").then().statusCode(200)
                .contentType(containsString("javascript"));
        given().when().get("/api/docs/nothing-here.js").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private record Operation(String path, String method, JsonNode node) {
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(item -> item.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(new Operation(item.getKey(), entry.getKey(), entry.getValue()));
            }
        }));
        assertFalse(operations.isEmpty());
        return operations;
    }

    /** The object a local {@code $ref} points at, or the node itself. */
    private JsonNode resolve(JsonNode node) {
        String reference = node.path("$ref").asText("");
        if (!reference.startsWith("#/")) {
            return node;
        }
        JsonNode target = document;
        for (String step : reference.substring(2).split("/")) {
            target = target.path(step.replace("~1", "/").replace("~0", "~"));
        }
        return target;
    }

    private void references(JsonNode node, List<String> broken) {
        if (node.isObject() && node.path("$ref").isTextual() && resolve(node).isMissingNode()) {
            broken.add(node.path("$ref").asText());
        }
        node.forEach(child -> references(child, broken));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
