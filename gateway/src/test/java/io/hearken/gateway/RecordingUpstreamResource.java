package io.hearken.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Stands in for survey-, profile- and insight-service: answers every request with a JSON echo of what the
 * gateway forwarded (service, method, path as decoded and exactly as sent, query, tenant header, whether a token or
 * a forged header leaked through).
 * The gateway's routing and header rules are what these tests check, not the services.
 */
public class RecordingUpstreamResource implements QuarkusTestResourceLifecycleManager {

    static final ConcurrentLinkedDeque<String> RECEIVED = new ConcurrentLinkedDeque<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String service : new String[] {"survey", "profile", "insight"}) {
            server.createContext("/" + service, exchange -> {
                byte[] requestBody;
                try (InputStream in = exchange.getRequestBody()) {
                    requestBody = in.readAllBytes();
                }
                String path = exchange.getRequestURI().getPath().substring(service.length() + 1);
                String rawPath = exchange.getRequestURI().getRawPath().substring(service.length() + 1);
                String echo = """
                        {"service": "%s", "method": "%s", "path": "%s", "rawPath": "%s", "query": "%s",
                         "rawQuery": "%s", "tenant": "%s", "caller": "%s", "authorization": %s, "bodyBytes": %d}"""
                        .formatted(service, exchange.getRequestMethod(), path, rawPath,
                        exchange.getRequestURI().getQuery(), exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst("X-Hearken-Tenant"),
                        exchange.getRequestHeaders().getFirst("X-Hearken-Caller"),
                        exchange.getRequestHeaders().containsKey("Authorization"), requestBody.length);
                RECEIVED.add(echo);
                byte[] bytes = echo.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
        }
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("hearken.gateway.survey-service-url", base + "/survey",
                "hearken.gateway.profile-service-url", base + "/profile",
                "hearken.gateway.insight-service-url", base + "/insight");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
