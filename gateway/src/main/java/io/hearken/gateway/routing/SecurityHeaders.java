package io.hearken.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;

/**
 * Headers every answer of the API carries, the services' answers and the gateway's problems alike: nothing the API
 * returns is to be sniffed as another type, framed, sent on as a referrer or, when it needed a login, cached. HSTS
 * tells browsers to keep to HTTPS once they reached the API over it (the TLS terminator in front of the gateway).
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void addTo(HttpServerResponse response, boolean authenticated) {
        MultiMap headers = response.headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        if (authenticated || !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
