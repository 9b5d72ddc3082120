package io.hearken.gateway.client;

import io.hearken.common.http.RequestIdFilter;
import io.hearken.common.security.GatewayCredentials;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which headers cross the gateway, each way. Hop-by-hop headers never do. Towards a service, the client's token
 * stays at the gateway and any {@code X-Hearken-*} header is dropped, because those are the gateway's to set: the
 * credential it signs for the hop (the caller's tenant and identity, from the verified token). The request id and
 * the client's address are added. Back to the client, the addresses a service names — its {@code Location}, and the
 * URLs in its {@code Link} header (a list's next page) — are rewritten to the public path under {@code /api}, so a
 * client follows them through the gateway and never learns a service's address.
 */
final class ForwardedHeaders {

    private static final String API_PREFIX = "/api";
    private static final Pattern LINK_TARGET = Pattern.compile("<([^>]*)>");
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
            } else if (name.equals("link")) {
                response.putHeader(header.getKey(), publicLinks(header.getValue()));
            } else if (!HOP_BY_HOP.contains(name)) {
                response.putHeader(header.getKey(), header.getValue());
            }
        });
    }

    /**
     * A service's absolute Location names an internal address; clients get the path (and query) under the gateway's
     * /api.
     */
    static String publicLocation(String location) {
        try {
            URI uri = URI.create(location);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return path.startsWith("/v1/") ? API_PREFIX + path + query : location;
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    /** Each {@code <URL>} of a Link header (RFC 8288) made public like a Location; its parameters are kept. */
    static String publicLinks(String links) {
        Matcher target = LINK_TARGET.matcher(links);
        StringBuilder rewritten = new StringBuilder();
        while (target.find()) {
            target.appendReplacement(rewritten, Matcher.quoteReplacement("<" + publicLocation(target.group(1)) + ">"));
        }
        return target.appendTail(rewritten).toString();
    }
}
