package io.hearken.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hearken.gateway.routing.ApiRoute;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Makes the one OpenAPI document of the public API from the documents of the services and the gateway's own part
 * (its info, security scheme, problem schema and common refusals, and the operations it answers itself). An operation
 * is kept only if the gateway routes its method and path to the service that documents it ({@code routeOf}, the
 * route table): what a client cannot reach through the gateway is not in the document, and what the gateway adds is.
 * Each kept operation is rewritten for the public side: its path under {@code /api}; the bearer scheme on an
 * authenticated route and none ({@code security: []}) on a public one; its roles ({@code x-hearken-roles}) and route
 * ({@code x-hearken-route}); the {@code X-Hearken-*} headers gone (the gateway sets them); every error answer as an
 * {@code application/problem+json} Problem, and the gateway's own refusals added (400, 401, 403, 404, 413, 429,
 * 502, 503, 504). Schemas of two services with one name and different content are renamed after their service;
 * schemas no kept operation uses are dropped.
 */
public final class ApiDocumentMerger {

    /** Where the gateway serves the API; every public path starts with it. */
    public static final String API_PREFIX = "/api";
    /** The owner name of the gateway's own document and operations. */
    public static final String GATEWAY = "gateway";
    static final String SECURITY_SCHEME = "bearer";
    static final String ROUTE_EXTENSION = "x-hearken-route";
    static final String ROLES_EXTENSION = "x-hearken-roles";

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Set<String> WITH_BODY = Set.of("post", "put", "patch");
    private static final String SCHEMA_REFS = "#/components/schemas/";
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    private final ObjectMapper json;
    /** The route the gateway gives a method and a path (with every template filled in), with who answers it. */
    private final BiFunction<String, String, Optional<OwnedRoute>> routeOf;

    /** A route and the service (or the gateway) that answers it. */
    public record OwnedRoute(ApiRoute route, String owner) {
    }

    public ApiDocumentMerger(ObjectMapper json, BiFunction<String, String, Optional<OwnedRoute>> routeOf) {
        this.json = json;
        this.routeOf = routeOf;
    }

    /**
     * @param gateway  the gateway's own part: openapi version, info, components and the operations it answers
     * @param services each service's document by its owner name (survey-service, …), in a stable order
     */
    public ObjectNode merge(JsonNode gateway, Map<String, JsonNode> services) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", gateway.path("openapi").asText("3.1.0"));
        merged.set("info", gateway.path("info").deepCopy());
        ObjectNode components = merged.putObject("components");
        components.set("securitySchemes", gateway.path("components").path("securitySchemes").deepCopy());
        ObjectNode schemas = components.putObject("schemas");
        components.set("responses", gateway.path("components").path("responses").deepCopy());
        Map<String, JsonNode> paths = new TreeMap<>();
        Map<String, JsonNode> tags = new LinkedHashMap<>();

        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put(GATEWAY, gateway);
        documents.putAll(services);
        for (Map.Entry<String, JsonNode> document : documents.entrySet()) {
            JsonNode copy = document.getValue().deepCopy();
            Map<String, String> renamed = addSchemas(copy.path("components").path("schemas"), document.getKey(),
                    schemas);
            renameReferences(copy, renamed);
            addOperations(copy, document.getKey(), paths, tags);
        }
        ObjectNode pathsNode = merged.putObject("paths");
        paths.forEach(pathsNode::set);
        keepOnlyUsedSchemas(merged);
        ArrayNode tagList = merged.putArray("tags");
        usedTags(pathsNode).forEach(name -> tagList.add(tags.getOrDefault(name,
                json.createObjectNode().put("name", name))));
        return merged;
    }

    /** Adds a document's schemas; one that clashes with a different schema of that name is renamed. */
    private Map<String, String> addSchemas(JsonNode documentSchemas, String owner, ObjectNode schemas) {
        Map<String, String> renamed = new HashMap<>();
        documentSchemas.fields().forEachRemaining(schema -> {
            String name = schema.getKey();
            JsonNode existing = schemas.get(name);
            if (existing != null && !existing.equals(schema.getValue())) {
                name = prefixOf(owner) + name;
                renamed.put(schema.getKey(), name);
            }
            schemas.set(name, schema.getValue());
        });
        // References inside the schemas just added follow their renames too
        renamed.values().forEach(name -> renameReferences(schemas.get(name), renamed));
        return renamed;
    }

    private void addOperations(JsonNode document, String owner, Map<String, JsonNode> paths,
                               Map<String, JsonNode> tags) {
        document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
        document.path("paths").fields().forEachRemaining(pathItem -> {
            String path = pathItem.getKey();
            ObjectNode publicItem = json.createObjectNode();
            for (String method : METHODS) {
                JsonNode operation = pathItem.getValue().get(method);
                Optional<OwnedRoute> route = operation == null ? Optional.empty()
                        : routeOf.apply(method.toUpperCase(Locale.ROOT), example(path));
                if (route.isPresent() && route.get().owner().equals(owner)) {
                    publicItem.set(method, publicOperation((ObjectNode) operation, route.get().route(), method,
                            path.contains("{")));
                }
            }
            if (publicItem.isEmpty()) {
                return;
            }
            JsonNode itemParameters = pathItem.getValue().get("parameters");
            if (itemParameters != null) {
                publicItem.set("parameters", withoutGatewayHeaders(itemParameters));
            }
            ObjectNode existing = (ObjectNode) paths.get(API_PREFIX + path);
            if (existing == null) {
                paths.put(API_PREFIX + path, publicItem);
            } else {
                publicItem.fields().forEachRemaining(field -> existing.set(field.getKey(), field.getValue()));
            }
        });
    }

    private ObjectNode publicOperation(ObjectNode operation, ApiRoute route, String method, boolean namesResource) {
        ObjectNode rewritten = operation.deepCopy();
        if (rewritten.has("parameters")) {
            rewritten.set("parameters", withoutGatewayHeaders(rewritten.get("parameters")));
        }
        ArrayNode security = rewritten.putArray("security");
        ArrayNode roles = json.createArrayNode();
        route.rolesAllowed().stream().sorted().forEach(roles::add);
        if (!route.isPublic()) {
            security.addObject().putArray(SECURITY_SCHEME);
        }
        rewritten.put(ROUTE_EXTENSION, route.name());
        rewritten.set(ROLES_EXTENSION, roles);
        String who = route.isPublic() ? "Public: no token needed."
                : "Roles: " + String.join(", ", route.rolesAllowed().stream().sorted().toList()) + ".";
        String description = rewritten.path("description").asText("");
        rewritten.put("description", description.isEmpty() ? who : description + "\n\n" + who);

        ObjectNode responses = rewritten.has("responses") ? (ObjectNode) rewritten.get("responses")
                : rewritten.putObject("responses");
        responses.fields().forEachRemaining(answer -> {
            if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                asProblem(answer.getValue());
            }
        });
        addResponse(responses, "400", "BadRequest");
        if (!route.isPublic()) {
            addResponse(responses, "401", "Unauthorized");
            addResponse(responses, "403", "Forbidden");
        }
        if (namesResource) {
            addResponse(responses, "404", "NotFound");
        }
        if (WITH_BODY.contains(method)) {
            addResponse(responses, "413", "PayloadTooLarge");
        }
        addResponse(responses, "429", "TooManyRequests");
        addResponse(responses, "502", "BadGateway");
        addResponse(responses, "503", "Unavailable");
        addResponse(responses, "504", "GatewayTimeout");
        return rewritten;
    }

    /** An error answer of a service, declared as the problem document it is. */
    private void asProblem(JsonNode answer) {
        if (!(answer instanceof ObjectNode object) || object.has("$ref")) {
            return;
        }
        ObjectNode content = object.putObject("content");
        content.putObject(PROBLEM_MEDIA_TYPE).putObject("schema").put("$ref", SCHEMA_REFS + "Problem");
        if (!object.has("description")) {
            object.put("description", "A problem");
        }
    }

    private static void addResponse(ObjectNode responses, String status, String name) {
        if (!responses.has(status)) {
            responses.putObject(status).put("$ref", "#/components/responses/" + name);
        }
    }

    /** Parameters without the headers only the gateway sets ({@code X-Hearken-Tenant}, …): clients cannot. */
    private JsonNode withoutGatewayHeaders(JsonNode parameters) {
        ArrayNode kept = json.createArrayNode();
        parameters.forEach(parameter -> {
            boolean gatewayHeader = "header".equals(parameter.path("in").asText())
                    && parameter.path("name").asText().toLowerCase(Locale.ROOT).startsWith("x-hearken-");
            if (!gatewayHeader) {
                kept.add(parameter);
            }
        });
        return kept;
    }

    /** Drops every schema that no path, response or other kept schema refers to. */
    private void keepOnlyUsedSchemas(ObjectNode merged) {
        ObjectNode schemas = (ObjectNode) merged.path("components").path("schemas");
        Set<String> used = new HashSet<>();
        Deque<JsonNode> toVisit = new ArrayDeque<>(List.of(merged.path("paths"),
                merged.path("components").path("responses")));
        while (!toVisit.isEmpty()) {
            JsonNode node = toVisit.pop();
            if (node.isObject() && node.path("$ref").isTextual()
                    && node.get("$ref").asText().startsWith(SCHEMA_REFS)) {
                String name = node.get("$ref").asText().substring(SCHEMA_REFS.length());
                if (used.add(name) && schemas.has(name)) {
                    toVisit.push(schemas.get(name));
                }
            }
            node.forEach(toVisit::push);
        }
        Iterator<String> names = schemas.fieldNames();
        while (names.hasNext()) {
            if (!used.contains(names.next())) {
                names.remove();
            }
        }
    }

    private static List<String> usedTags(JsonNode paths) {
        Set<String> names = new HashSet<>();
        paths.forEach(item -> item.forEach(operation -> operation.path("tags")
                .forEach(tag -> names.add(tag.asText()))));
        return names.stream().sorted().toList();
    }

    /** Points every {@code $ref} to a renamed schema at its new name. */
    private static void renameReferences(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty() || node == null) {
            return;
        }
        if (node instanceof ObjectNode object && object.path("$ref").isTextual()) {
            String target = object.get("$ref").asText();
            if (target.startsWith(SCHEMA_REFS) && renamed.containsKey(target.substring(SCHEMA_REFS.length()))) {
                object.put("$ref", SCHEMA_REFS + renamed.get(target.substring(SCHEMA_REFS.length())));
            }
        }
        node.forEach(child -> renameReferences(child, renamed));
    }

    /** A path of the document with every template filled in, as a request would have it. */
    static String example(String templatedPath) {
        return templatedPath.replaceAll("\\{[^}/]+}", "x1");
    }

    /** {@code survey-service} → {@code Survey}. */
    private static String prefixOf(String owner) {
        String word = owner.replace("-service", "");
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
