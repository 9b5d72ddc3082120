package io.hearken.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.gateway.composition.CustomerView;
import io.hearken.gateway.routing.RouteTable;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI document of the whole public API, made once at start-up from the services' documents packaged with
 * the gateway ({@code openapi/<service>.json}, kept equal to what each service serves by its own tests) and the
 * gateway's part ({@code openapi/gateway.json}), filtered and rewritten by the {@link RouteTable} of this very build
 * ({@link ApiDocumentMerger}). It depends on no service being up, and cannot drift from the routes the gateway has.
 */
@Startup
@ApplicationScoped
public class PublicApiDocument {

    /** The services whose documents are merged, in the order their operations are taken. */
    public static final List<String> SERVICES = List.of("survey-service", "profile-service", "insight-service",
            "webhook-service");

    private final JsonNode document;
    private final byte[] serialised;

    public PublicApiDocument(ObjectMapper json) {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        for (String service : SERVICES) {
            services.put(service, read(json, "openapi/" + service + ".json"));
        }
        this.document = new ApiDocumentMerger(json, PublicApiDocument::routeOf)
                .merge(read(json, "openapi/gateway.json"), services);
        try {
            this.serialised = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document, for tests; not to be changed. */
    public JsonNode document() {
        return document;
    }

    /** The document as served (JSON, UTF-8). */
    public byte[] json() {
        return serialised;
    }

    /** The route the gateway gives a request, and who answers it: the gateway itself or the route's service. */
    static Optional<ApiDocumentMerger.OwnedRoute> routeOf(String method, String path) {
        return RouteTable.find(method, path).map(route -> new ApiDocumentMerger.OwnedRoute(route,
                CustomerView.ROUTE.equals(route.name()) ? ApiDocumentMerger.GATEWAY
                        : route.upstream().applicationName()));
    }

    private static JsonNode read(ObjectMapper json, String resource) {
        try (InputStream in = PublicApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the gateway's build");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
