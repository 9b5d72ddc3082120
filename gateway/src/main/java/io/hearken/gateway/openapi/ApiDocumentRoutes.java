package io.hearken.gateway.openapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves the public API's document and a Swagger UI for it on the API port, where a frontend developer looks for
 * them: {@code GET /api/openapi.json} and {@code /api/docs/}. Both are public (the document describes what anyone
 * may learn by calling the API) and need no service. The UI is Swagger UI's own files (smallrye-open-api-ui) with a
 * page and start script of ours, so that its Content-Security-Policy allows no inline script and no other origin.
 */
@ApplicationScoped
public class ApiDocumentRoutes {

    public static final String DOCUMENT_PATH = "/api/openapi.json";
    public static final String UI_PATH = "/api/docs";
    /** After the path guard, before the API handler's {@code /api/*} (which would answer 404). */
    private static final int ORDER = -1;
    private static final String UI_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' "
            + "'unsafe-inline'; frame-ancestors 'none'";
    private static final String DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'none'";

    private final PublicApiDocument document;
    private final Map<String, Asset> assets = new HashMap<>();

    public ApiDocumentRoutes(PublicApiDocument document) {
        this.document = document;
        assets.put("", asset("openapi/docs/index.html", "text/html; charset=utf-8"));
        assets.put("start.js", asset("openapi/docs/start.js", "text/javascript; charset=utf-8"));
        for (String file : new String[] {"swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js",
                "favicon.ico"}) {
            String type = file.endsWith(".css") ? "text/css; charset=utf-8"
                    : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "image/x-icon";
            assets.put(file, asset("META-INF/resources/openapi-ui/" + file, type));
        }
    }

    void register(@Observes Router router) {
        router.get(DOCUMENT_PATH).order(ORDER).handler(context -> answer(context,
                new Asset(Buffer.buffer(document.json()), "application/json"), DOCUMENT_CSP));
        // Vert.x matches /api/docs and /api/docs/ alike: the page's relative links need the slash
        router.get(UI_PATH).order(ORDER).handler(context -> {
            if (context.request().path().endsWith("/")) {
                uiFile(context, "");
            } else {
                context.redirect(UI_PATH + "/");
            }
        });
        router.get(UI_PATH + "/:file").order(ORDER).handler(context -> uiFile(context,
                context.pathParam("file")));
    }

    private void uiFile(RoutingContext context, String file) {
        Asset asset = assets.get(file);
        if (asset == null) {
            context.next();
            return;
        }
        answer(context, asset, UI_CSP);
    }

    private static void answer(RoutingContext context, Asset asset, String contentSecurityPolicy) {
        context.response().putHeader("Content-Type", asset.type())
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", contentSecurityPolicy)
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "public, max-age=300")
                .end(asset.content());
    }

    private static Asset asset(String resource, String type) {
        try (InputStream in = ApiDocumentRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the gateway's build");
            }
            return new Asset(Buffer.buffer(in.readAllBytes()), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Asset(Buffer content, String type) {
    }
}
