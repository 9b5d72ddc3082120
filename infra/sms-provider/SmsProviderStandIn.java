import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A local stand-in for an SMS provider's HTTP API, started by ./hearken like the other real parts so that
 * survey-service really sends its SMS invitations over HTTP in local runs and tests. It speaks the shape of the
 * common providers' "send a message" call (form-encoded To, From, Body; an Idempotency-Key header makes a retry the
 * same message) and records what it was asked to send, readable at GET /v1/messages?to=. Nothing leaves the machine.
 *
 * <p>Run: java SmsProviderStandIn.java --port 8026 (JDK 11+ runs a single source file as is).
 */
public final class SmsProviderStandIn {

    private record Sent(String sid, String to, String from, String body, String key, Instant at) {
    }

    private static final List<Sent> SENT = new ArrayList<>();
    private static final Map<String, Sent> BY_KEY = new ConcurrentHashMap<>();

    public static void main(String[] args) throws IOException {
        int port = 8026;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/v1/messages", SmsProviderStandIn::messages);
        server.start();
        System.out.println("SMS provider stand-in listening on 127.0.0.1:" + port);
    }

    private static void messages(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("POST")) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            String to = form.get("To");
            String body = form.get("Body");
            if (to == null || !to.matches("\\+[1-9][0-9]{6,14}") || body == null || body.isEmpty()) {
                answer(exchange, 400, "{\"message\":\"To must be an E.164 number and Body must not be empty\"}");
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            Sent sent;
            boolean repeated;
            synchronized (SENT) {
                Sent earlier = key == null ? null : BY_KEY.get(key);
                repeated = earlier != null;
                sent = repeated ? earlier : new Sent("SM" + UUID.randomUUID().toString().replace("-", ""), to,
                        form.getOrDefault("From", ""), body, key, Instant.now());
                if (!repeated) {
                    SENT.add(sent);
                    if (key != null) {
                        BY_KEY.put(key, sent);
                    }
                }
            }
            answer(exchange, repeated ? 200 : 201, json(sent));
            return;
        }
        if (exchange.getRequestMethod().equals("GET")) {
            String query = exchange.getRequestURI().getRawQuery();
            String to = query == null ? null : form(query).get("to");
            StringBuilder list = new StringBuilder("[");
            synchronized (SENT) {
                for (Sent sent : SENT) {
                    if (to == null || to.equals(sent.to())) {
                        list.append(list.length() > 1 ? "," : "").append(json(sent));
                    }
                }
            }
            answer(exchange, 200, list.append(']').toString());
            return;
        }
        answer(exchange, 405, "{\"message\":\"GET or POST\"}");
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static String json(Sent sent) {
        return "{\"sid\":" + quoted(sent.sid()) + ",\"to\":" + quoted(sent.to()) + ",\"from\":" + quoted(sent.from())
                + ",\"body\":" + quoted(sent.body()) + ",\"idempotencyKey\":" + quoted(sent.key())
                + ",\"status\":\"queued\",\"createdAt\":" + quoted(sent.at().toString()) + "}";
    }

    private static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
