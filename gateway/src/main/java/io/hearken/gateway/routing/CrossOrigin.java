package io.hearken.gateway.routing;

import io.hearken.gateway.config.GatewayConfig;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which web pages may call the API from a browser. The console's origins are the gateway's to list
 * ({@code hearken.gateway.cors-origins}); a tenant may add its own front ends ({@code tenant-origins."<tenant>"}),
 * which may then call the API for that tenant's users only (a preflight carries no token, so it is answered for any
 * listed origin, and the request that follows is refused when its token is another tenant's). A survey's public
 * endpoints are the survey's (its widget is embedded on the customer's own sites, listed in the survey's settings),
 * so their preflights and answers go to survey-service, which knows each survey's origins. Nothing is allowed by a
 * wildcard.
 */
final class CrossOrigin {

    /** Routes whose cross-origin rules belong to the survey they name. */
    static final Set<String> SURVEY_DECIDES = Set.of("public-survey", "submit-response", "resume-progress");
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-Id";
    static final String EXPOSED_HEADERS = "Location, X-Request-Id, Retry-After, Idempotent-Replayed, RateLimit, "
            + "RateLimit-Policy";

    private final Set<String> consoleOrigins;
    private final Map<String, Set<String>> tenantOrigins;
    private final Set<String> listedOrigins;

    CrossOrigin(GatewayConfig config) {
        this.consoleOrigins = Set.copyOf(config.corsOrigins());
        Map<String, Set<String>> byTenant = new HashMap<>();
        config.tenantOrigins().forEach((tenant, origins) -> byTenant.put(tenant, Set.copyOf(origins)));
        this.tenantOrigins = Map.copyOf(byTenant);
        Set<String> listed = new HashSet<>(consoleOrigins);
        tenantOrigins.values().forEach(listed::addAll);
        this.listedOrigins = Set.copyOf(listed);
    }

    /**
     * Whether a request from {@code origin} (null: not a browser's cross-origin call) to the gateway at {@code host}
     * (its Host header) may act for {@code tenant}: a page of the gateway's own (the console it serves) may, since a
     * browser names the page's origin on a same-origin POST too; the console's listed origins may for every tenant,
     * a tenant's own front end only for that tenant.
     */
    boolean allowsFor(String origin, String host, String tenant) {
        return origin == null || isSameOrigin(origin, host) || consoleOrigins.contains(origin)
                || tenantOrigins.getOrDefault(tenant, Set.of()).contains(origin);
    }

    /**
     * Whether the origin names the host the request was sent to. The scheme is not compared: TLS ends before the
     * gateway, and an http page of the gateway's own host is the gateway's (HSTS keeps browsers off it anyway).
     */
    static boolean isSameOrigin(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException notAnOrigin) {
            return false;
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            return false;
        }
        String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return authority.equalsIgnoreCase(host.trim());
    }

    /** A browser's preflight: OPTIONS with the Origin and the method it means to send. */
    static boolean isPreflight(RoutingContext context) {
        return "OPTIONS".equals(context.request().method().name()) && context.request().getHeader("Origin") != null
                && context.request().getHeader("Access-Control-Request-Method") != null;
    }

    /** The method a request is routed by: for a preflight, the one it asks about. */
    static String routedMethod(RoutingContext context) {
        return isPreflight(context) ? context.request().getHeader("Access-Control-Request-Method")
                : context.request().method().name();
    }

    static boolean surveyDecides(ApiRoute route) {
        return SURVEY_DECIDES.contains(route.name());
    }

    /** Answers a preflight for a console route: 204 with what the origin may do, or 403 for an unknown origin. */
    void answerPreflight(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        var response = context.response().putHeader("Vary", "Origin");
        if (!listedOrigins.contains(origin)) {
            response.setStatusCode(403).end();
            return;
        }
        response.setStatusCode(204)
                .putHeader("Access-Control-Allow-Origin", origin)
                .putHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE")
                .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .putHeader("Access-Control-Max-Age", "600")
                .end();
    }

    /** Lets a console origin read the answer to its request (problems included). */
    void allowConsole(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin != null && listedOrigins.contains(origin)) {
            context.response().putHeader("Access-Control-Allow-Origin", origin)
                    .putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS)
                    .putHeader("Vary", "Origin");
        }
    }
}
