package io.hearken.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;

/**
 * Headers every answer of the API carries, the services' answers and the gateway's problems alike: nothing the API
 * returns is to be sniffed as another type, framed, sent on as a referrer or, when it needed a login, cached. HSTS
 * tells browsers to keep to HTTPS once they reached the API over it (the TLS terminator in front of the gateway).
 * The web pages the gateway serves get the same headers with a policy that lets them run their own files.
 */
public final class SecurityHeaders {

    /** What an API answer may do in a browser: nothing (it is data, never a page). */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void addTo(HttpServerResponse response, boolean authenticated) {
        addTo(response, API_POLICY);
        if (authenticated || !response.headers().contains("Cache-Control")) {
            response.headers().set("Cache-Control", "no-store");
        }
    }

    /**
     * The headers of a page (or one of its files) the gateway serves itself, with its own Content-Security-Policy;
     * the caller says how long it may be cached.
     */
    public static void addToPage(HttpServerResponse response, String contentSecurityPolicy) {
        addTo(response, contentSecurityPolicy);
    }

    private static void addTo(HttpServerResponse response, String contentSecurityPolicy) {
        MultiMap headers = response.headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
