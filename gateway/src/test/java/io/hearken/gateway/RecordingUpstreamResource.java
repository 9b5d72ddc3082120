package io.hearken.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.security.GatewayCredential;
import io.hearken.common.security.GatewayCredentials;
import io.hearken.common.security.InvalidCredentialException;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * Stands in for survey-, profile-, insight- and webhook-service: answers every request with a JSON echo of what the
 * gateway forwarded (service, method, path as decoded and exactly as sent, query, what the credential the gateway
 * signed for the hop vouches for as the service would verify it, whether a token or a tenant header leaked through,
 * the Standard Webhooks signature header and a digest of the body, which a signature covers byte for byte).
 * The gateway's routing and header rules are what these tests check, not the services.
 */
public class RecordingUpstreamResource implements QuarkusTestResourceLifecycleManager {

    static final ConcurrentLinkedDeque<String> RECEIVED = new ConcurrentLinkedDeque<>();
    private static final Set<String> FLAKY_SEEN = ConcurrentHashMap.newKeySet();
    private static final GatewayCredentials CREDENTIALS = new GatewayCredentials(
            TestInfrastructure.settings(true).get("HEARKEN_CREDENTIAL_KEY"), Duration.ofSeconds(60),
            Clock.systemUTC());
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            // A slow answer must not hold up the others, as with a real service
            server.setExecutor(Executors.newFixedThreadPool(16));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String service : new String[] {"survey", "profile", "insight", "webhook"}) {
            server.createContext("/" + service, exchange -> {
                byte[] requestBody;
                try (InputStream in = exchange.getRequestBody()) {
                    requestBody = in.readAllBytes();
                }
                String path = exchange.getRequestURI().getPath().substring(service.length() + 1);
                if (misbehaves(path, exchange)) {
                    return;
                }
                String rawPath = exchange.getRequestURI().getRawPath().substring(service.length() + 1);
                GatewayCredential credential = verified(service,
                        exchange.getRequestHeaders().getFirst(GatewayCredentials.HEADER));
                String echo = """
                        {"service": "%s", "method": "%s", "path": "%s", "rawPath": "%s", "query": "%s",
                         "rawQuery": "%s", "credential": %s, "tenant": "%s", "caller": "%s", "resource": "%s",
                         "tenantHeader": %s, "authorization": %s, "bodyBytes": %d, "bodySha256": "%s",
                         "webhookSignature": "%s"}"""
                        .formatted(service, exchange.getRequestMethod(), path, rawPath,
                        exchange.getRequestURI().getQuery(), exchange.getRequestURI().getRawQuery(),
                        credential != null, credential == null ? null : credential.tenant(),
                        credential == null ? null : credential.caller(),
                        credential == null ? null : credential.resource(),
                        exchange.getRequestHeaders().containsKey(TenantHeader.NAME),
                        exchange.getRequestHeaders().containsKey("Authorization"), requestBody.length,
                        sha256(requestBody), exchange.getRequestHeaders().getFirst("webhook-signature"));
                RECEIVED.add(echo);
                if (answersCustomerView(service, path, exchange.getRequestURI().getRawQuery(), exchange)) {
                    return;
                }
                byte[] bytes = echo.getBytes(StandardCharsets.UTF_8);
                String rawQuery = exchange.getRequestURI().getRawQuery();
                if (rawQuery != null && rawQuery.contains("limit=")) {
                    // A list's next page, named as a service names it: by its own address.
                    exchange.getResponseHeaders().add("Link", "<http://127.0.0.1:" + server.getAddress().getPort()
                            + rawPath + "?" + rawQuery + "&after=bmV4dA>; rel=\"next\"");
                }
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
                "hearken.gateway.insight-service-url", base + "/insight",
                "hearken.gateway.webhook-service-url", base + "/webhook");
    }

    /**
     * The misbehaving services the gateway's edge is tested against, by path: {@code .../slow-drip} answers a byte
     * every 200 ms for 4 s (an idle timeout never fires, a deadline does), {@code /v1/live} streams an event every
     * 200 ms for 4 s (a stream, which no deadline cuts), {@code .../huge} answers 2 MiB,
     * {@code .../flaky-once/<id>} drops the connection the first time an id is asked for and answers the second.
     */
    private static boolean misbehaves(String path, HttpExchange exchange) throws IOException {
        if (path.endsWith("/slow-drip")) {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            try {
                for (int i = 0; i < 20; i++) {
                    exchange.getResponseBody().write('.');
                    exchange.getResponseBody().flush();
                    Thread.sleep(200);
                }
            } catch (InterruptedException | IOException e) {
                // the gateway gave up and reset the connection: that is what the test expects
            }
            exchange.close();
            return true;
        }
        if (path.equals("/v1/live")) {
            // A live stream: an event every 200 ms for 4 s, longer than the test's 1.5 s deadline of the route.
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try {
                for (int i = 1; i <= 20; i++) {
                    exchange.getResponseBody().write(("data: {\"n\": " + i + "}\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    Thread.sleep(200);
                }
            } catch (InterruptedException | IOException e) {
                // the client went away and the gateway closed this side: as it should
            }
            exchange.close();
            return true;
        }
        if (path.endsWith("/huge")) {
            byte[] chunk = new byte[64 * 1024];
            exchange.sendResponseHeaders(200, 0);
            try {
                for (int i = 0; i < 32; i++) {
                    exchange.getResponseBody().write(chunk);
                }
            } catch (IOException e) {
                // cut off by the gateway
            }
            exchange.close();
            return true;
        }
        if (path.contains("/flaky-once/") && FLAKY_SEEN.add(path)) {
            RECEIVED.add("{\"dropped\": \"" + path + "\"}");
            exchange.close();
            return true;
        }
        return false;
    }

    /**
     * The parts of the customer view for profiles named {@code c360-<scenario>}: the profile (404 for
     * {@code c360-unknown}, a redirect to {@code c360-all} for {@code c360-merged}), its two scored responses
     * ({@code <scenario>-r1}, {@code -r2}), an open and a resolved case raised by them, and the responses read by id.
     * The cases of scenario {@code cases-down} drop the connection, those of {@code cases-slow} take 3 s.
     */
    private static boolean answersCustomerView(String service, String path, String query, HttpExchange exchange)
            throws IOException {
        String prefix = "/v1/profiles/c360-";
        if (service.equals("profile") && path.startsWith(prefix)) {
            String[] rest = path.substring(prefix.length()).split("/");
            String scenario = rest[0];
            if (scenario.equals("unknown")) {
                answer(exchange, 404, "application/problem+json", "{\"status\": 404, \"title\": \"Not found\"}");
            } else if (scenario.equals("merged")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1/v1/profiles/c360-all");
                exchange.sendResponseHeaders(308, -1);
                exchange.close();
            } else if (rest.length == 1) {
                answer(exchange, 200, "application/json", """
                        {"id": "c360-%s", "trust": "verified", "identities": [], "timeline": []}"""
                        .formatted(scenario));
            } else {
                answer(exchange, 200, "application/json", """
                        {"items": [
                          {"type": "response.submitted", "responseId": "%1$s-r2", "score": 3},
                          {"type": "response.submitted", "responseId": "%1$s-r1", "score": 9}], "next": null}"""
                        .formatted(scenario));
            }
            return true;
        }
        if (service.equals("insight") && path.equals("/v1/cases") && query != null
                && query.contains("responseId=")) {
            if (query.contains("cases-down")) {
                exchange.close();
                return true;
            }
            if (query.contains("cases-slow")) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String responseId = query.replaceAll(".*responseId=([^&]+).*", "$1");
            answer(exchange, 200, "application/json", """
                    {"items": [{"id": "case-open", "status": "OPEN", "alert": {"responseId": "%1$s"}},
                               {"id": "case-done", "status": "RESOLVED", "alert": {"responseId": "%1$s"}}]}"""
                    .formatted(responseId));
            return true;
        }
        if (service.equals("survey") && path.equals("/v1/responses") && query != null) {
            String items = String.join(", ", Arrays.stream(query.split("&"))
                    .filter(parameter -> parameter.startsWith("id="))
                    .map(parameter -> "{\"responseId\": \"" + parameter.substring(3) + "\"}").toList());
            answer(exchange, 200, "application/json", "{\"items\": [" + items + "]}");
            return true;
        }
        return false;
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The body's SHA-256 in hex, to compare with what the client sent without echoing the body itself. */
    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The credential the gateway signed for this service, as the service would verify it; null when none is. */
    private static GatewayCredential verified(String service, String token) {
        try {
            return CREDENTIALS.verify(token, service + "-service");
        } catch (InvalidCredentialException e) {
            return null;
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
