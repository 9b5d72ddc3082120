package io.hearken.gateway.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.problem.ProblemException;
import io.hearken.gateway.config.ConsoleConfig;
import io.hearken.gateway.problem.ProblemWriter;
import io.hearken.gateway.routing.ApiHandler;
import io.hearken.gateway.routing.SecurityHeaders;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The CX console ({@code /console/}): a page, its own files ({@code /console/assets/*}), the charting library from
 * its Maven Central webjar ({@code /console/lib/*}) and the settings the page logs in with ({@code
 * /console/config.json}). No login is needed for any of them: they hold nothing but code, and everything a person
 * sees comes from the API with the bearer token the page obtains from Keycloak (authorization code with PKCE on the
 * public client). Served by the gateway so that the console and the API share an origin: no CORS, the gateway's
 * limits apply, and the only other origin the page may talk to is Keycloak's token endpoint.
 *
 * <p>Files are {@link StaticAsset}s: gzipped once at start-up and revalidated by ETag; the library's path carries
 * its version, so a browser keeps it for a year.
 */
@ApplicationScoped
public class ConsolePages {

    public static final String PREFIX = "/console";
    public static final String ASSETS = PREFIX + "/assets";
    public static final String LIBRARIES = PREFIX + "/lib";
    public static final String CONFIG = PREFIX + "/config.json";
    /** The page's own files, by name under {@link #ASSETS}. */
    private static final List<String> FILES = List.of("console.js", "auth.js", "api.js", "live.js", "texts.js",
            "texts-ja.js", "texts-zh-CN.js", "texts-zh-TW.js",
            "roles.js", "views.js", "cases.js", "customers.js", "charts.js", "console.css",
            "breakdown.js", "journey.js", "topics.js", "webhooks.js",
            "editor.js", "editor-logic.js", "editor-settings.js", "preview.js", "distribution.js");
    /**
     * Apache ECharts' build with the common charts, unpacked from the webjar {@code org.webjars.npm:echarts} by the
     * gateway's build (its pom, the one place its version is chosen), out of Quarkus's own static files. The version
     * is read from the webjar's own pom.properties and put in the served file's name, so a browser keeps it for a
     * year; the page learns that name from {@link #CONFIG}.
     */
    private static final String LIBRARY_ROOT = "console-lib/META-INF/";
    private static final String LIBRARY_VERSION = LIBRARY_ROOT + "maven/org.webjars.npm/echarts/pom.properties";
    private static final String REVALIDATE = "public, max-age=300, must-revalidate";

    private final ProblemWriter problems;
    private final String contentSecurityPolicy;
    private final StaticAsset page;
    private final StaticAsset settings;
    private final Map<String, StaticAsset> files = new LinkedHashMap<>();
    private final Map<String, StaticAsset> libraries = new LinkedHashMap<>();

    public ConsolePages(ProblemWriter problems, ConsoleConfig config, ObjectMapper json) {
        this.problems = problems;
        this.contentSecurityPolicy = contentSecurityPolicy(config);
        this.page = StaticAsset.load("console/index.html", "no-cache");
        String chartsVersion = chartsLibraryVersion();
        String chartsLibrary = "echarts-" + chartsVersion + ".common.min.js";
        libraries.put(chartsLibrary, StaticAsset.load(LIBRARY_ROOT + "resources/webjars/echarts/" + chartsVersion
                + "/dist/echarts.common.min.js", "public, max-age=31536000, immutable"));
        this.settings = StaticAsset.of(settingsJson(config, LIBRARIES + "/" + chartsLibrary, json),
                "application/json", "no-cache");
        FILES.forEach(file -> files.put(file, StaticAsset.load("console/" + file, REVALIDATE)));
    }

    void register(@Observes Router router) {
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
            // Vert.x matches /console and /console/ alike: the page's relative links need the slash
            router.route(method, PREFIX).handler(this::page);
            router.route(method, CONFIG).handler(context -> serve(context, CONFIG, settings));
            router.route(method, ASSETS + "/:file").handler(context -> serve(context, ASSETS + "/{file}",
                    files.get(context.pathParam("file"))));
            router.route(method, LIBRARIES + "/:file").handler(context -> serve(context, LIBRARIES + "/{file}",
                    libraries.get(context.pathParam("file"))));
        }
        router.route(PREFIX + "/*").handler(context -> serve(context, PREFIX + "/{other}", null));
    }

    /** The page's own files, for documentation and tests. */
    public static List<String> files() {
        return FILES;
    }

    /** The policy of every answer under {@link #PREFIX}: this origin, and Keycloak's for the token endpoint. */
    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    private void page(RoutingContext context) {
        Vertx.currentContext().putLocal(ApiHandler.METRICS_TEMPLATE, PREFIX + "/");
        if (!context.request().path().endsWith("/")) {
            SecurityHeaders.addToPage(context.response(), contentSecurityPolicy);
            context.response().putHeader("Cache-Control", "no-cache");
            // Keep the query: Keycloak's answer (code and state) may arrive on either form of the address
            String query = context.request().query();
            context.redirect(PREFIX + "/" + (query == null ? "" : "?" + query));
            return;
        }
        page.answer(context, contentSecurityPolicy);
    }

    private void serve(RoutingContext context, String metricsTemplate, StaticAsset asset) {
        // One series of request metrics per kind of file, never one per name a caller makes up
        Vertx.currentContext().putLocal(ApiHandler.METRICS_TEMPLATE, metricsTemplate);
        if (asset == null) {
            SecurityHeaders.addToPage(context.response(), contentSecurityPolicy);
            context.response().putHeader("Cache-Control", "no-store");
            problems.write(context, new ProblemException(404, "not-found", "Not found", "No page at "
                    + context.request().path(), List.of(), null));
            return;
        }
        asset.answer(context, contentSecurityPolicy);
    }

    /**
     * The page's own files only, no inline script or style, API calls to this origin and token requests to
     * Keycloak's; never framed. Charts are drawn on canvases and exported as data: and blob: downloads, which need no
     * image source.
     */
    static String contentSecurityPolicy(ConsoleConfig config) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' "
                + origin(config.keycloakUrl()) + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException("hearken.console.keycloak-url must be an absolute URL: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The version of the charting library the build unpacked. */
    private static String chartsLibraryVersion() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LIBRARY_VERSION)) {
            if (in == null) {
                throw new IllegalStateException(LIBRARY_VERSION + " is missing: the build unpacks it (gateway/pom.xml)");
            }
            Properties webjar = new Properties();
            webjar.load(in);
            return webjar.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keycloak's OpenID Connect endpoints of the realm, so the page needs no discovery request of its own, and the
     * charting library's address.
     */
    private static byte[] settingsJson(ConsoleConfig config, String chartsLibrary, ObjectMapper json) {
        String base = config.keycloakUrl().replaceAll("/+$", "");
        String issuer = base + "/realms/" + config.realm();
        String endpoints = issuer + "/protocol/openid-connect";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("issuer", issuer);
        settings.put("clientId", config.clientId());
        settings.put("authorizationEndpoint", endpoints + "/auth");
        settings.put("tokenEndpoint", endpoints + "/token");
        settings.put("endSessionEndpoint", endpoints + "/logout");
        settings.put("chartsLibrary", chartsLibrary);
        try {
            return json.writeValueAsString(settings).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
