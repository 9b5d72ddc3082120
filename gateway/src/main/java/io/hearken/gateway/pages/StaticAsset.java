package io.hearken.gateway.pages;

import io.hearken.gateway.routing.SecurityHeaders;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * One file of a page the gateway serves itself (the respondent page, the console), read from the gateway's build
 * once at start-up: its bytes, the same gzipped, its type, a weak ETag and how long a browser may keep it. The
 * gateway's HTTP server does not compress, so the files are gzipped here, once, instead of per request.
 */
record StaticAsset(Buffer content, Buffer gzipped, String type, String etag, String cacheControl) {

    /** A classpath resource, e.g. {@code respond/respond.js}; one that is missing fails the start. */
    static StaticAsset load(String resource, String cacheControl) {
        try (InputStream in = StaticAsset.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the gateway's build");
            }
            return of(in.readAllBytes(), typeOf(resource), cacheControl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes made at start-up (the console's settings) rather than read from the build. */
    static StaticAsset of(byte[] bytes, String type, String cacheControl) {
        return new StaticAsset(Buffer.buffer(bytes), Buffer.buffer(gzip(bytes)), type, etag(bytes), cacheControl);
    }

    /** Answers the file with the page's headers: 304 to a matching ETag, gzipped to a browser that takes it. */
    void answer(RoutingContext context, String contentSecurityPolicy) {
        HttpServerResponse response = context.response();
        SecurityHeaders.addToPage(response, contentSecurityPolicy);
        response.putHeader("Content-Type", type)
                .putHeader("Cache-Control", cacheControl)
                .putHeader("ETag", etag)
                .putHeader("Vary", "Accept-Encoding");
        if (etag.equals(context.request().getHeader("If-None-Match"))) {
            response.setStatusCode(304).end();
            return;
        }
        if (acceptsGzip(context.request().getHeader("Accept-Encoding"))) {
            response.putHeader("Content-Encoding", "gzip").end(gzipped);
        } else {
            response.end(content);
        }
    }

    /** Whether the browser takes gzip: named in Accept-Encoding and not refused with {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].trim().replace(" ", "");
                    if (parameter.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static String typeOf(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        throw new IllegalArgumentException("no content type known for " + name);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zipped = new GZIPOutputStream(out)) {
            zipped.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            // Weak: the gzipped and the plain answer are the same file, not the same bytes.
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
