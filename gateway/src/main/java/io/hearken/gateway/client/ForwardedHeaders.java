package io.hearken.gateway.client;

import io.hearken.common.http.RequestIdFilter;
import io.hearken.common.security.GatewayCredentials;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the gateway, each way. Hop-by-hop headers never do. Towards a service, the client's token
 * stays at the gateway and any {@code X-Hearken-*} header is dropped, because those are the gateway's to set: the
 * credential it signs for the hop (the caller's tenant and identity, from the verified token). The request id and
 * the client's address are added. Back to the client, a service's {@code Location} is rewritten to the public path
 * under {@code /api}.
 */
final class ForwardedHeaders {

    private static final String API_PREFIX = "/api";
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    private ForwardedHeaders() {
    }

    /** The headers of the hop to the service. */
    static MultiMap toService(HttpServerRequest request, String credential, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !name.equals("authorization") && !name.startsWith("x-hearken-")) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.set(GatewayCredentials.HEADER, credential);
        headers.set(RequestIdFilter.HEADER, requestId);
        headers.set("X-Forwarded-For", request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress());
        return headers;
    }

    /** Copies a service's answer headers onto the client's response. */
    static void toClient(MultiMap serviceHeaders, HttpServerResponse response) {
        serviceHeaders.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("location")) {
                response.putHeader(header.getKey(), publicLocation(header.getValue()));
            } else if (!HOP_BY_HOP.contains(name)) {
                response.putHeader(header.getKey(), header.getValue());
            }
        });
    }

    /** A service's absolute Location names an internal address; clients get the path under the gateway's /api. */
    static String publicLocation(String location) {
        try {
            URI uri = URI.create(location);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return path.startsWith("/v1/") ? API_PREFIX + path : location;
        } catch (IllegalArgumentException e) {
            return location;
        }
    }
}
