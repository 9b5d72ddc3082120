package io.hearken.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook benchmark's partner endpoint: answers 204 at once and notes, per path, when each {@code webhook-id}
 * first arrived and which response it carried, so one server takes the ceiling, the end-to-end run and each backlog
 * without their counts mixing. A request is handled on a pool thread from its headers to its answer, so the pool
 * has a thread for every request a sender may keep in flight and an arrival never waits for a free thread.
 */
final class WebhookReceiver implements AutoCloseable {

    /** The one loopback address the launcher lets deliveries reach (HEARKEN_WEBHOOK_ALLOWED_NETWORKS). */
    static final String HOST = "127.0.0.2";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService workers;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    WebhookReceiver(int threads) throws IOException {
        workers = Executors.newFixedThreadPool(threads);
        server = HttpServer.create(new InetSocketAddress(HOST, 0), 1024);
        server.createContext("/", this::receive);
        server.setExecutor(workers);
        server.start();
    }

    /** A path of its own on this server, counted apart from the others. */
    Endpoint endpoint(String path) {
        Endpoint endpoint = new Endpoint("http://" + HOST + ":" + server.getAddress().getPort() + path);
        if (endpoints.putIfAbsent(path, endpoint) != null) {
            throw new IllegalArgumentException(path + " is taken");
        }
        return endpoint;
    }

    private void receive(HttpExchange exchange) throws IOException {
        Endpoint endpoint = endpoints.get(exchange.getRequestURI().getPath());
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (endpoint == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int open = endpoint.open.incrementAndGet();
            endpoint.mostOpen.accumulateAndGet(open, Math::max);
            byte[] payload = body.readAllBytes();
            long arrived = System.nanoTime();
            String messageId = exchange.getRequestHeaders().getFirst("webhook-id");
            if (messageId == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            String responseId = JSON.readTree(payload).path("data").path("responseId").asText(null);
            endpoint.arrived(messageId, responseId, payload.length, arrived);
            exchange.sendResponseHeaders(204, -1);
        } finally {
            if (endpoint != null) {
                endpoint.open.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /** What one path received: first arrivals by message and by response (System.nanoTime), and totals. */
    static final class Endpoint {

        private final String url;
        private final Map<String, Long> firstByMessage = new ConcurrentHashMap<>();
        private final Map<String, Long> firstByResponse = new ConcurrentHashMap<>();
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong lastArrival = new AtomicLong();
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger mostOpen = new AtomicInteger();

        private Endpoint(String url) {
            this.url = url;
        }

        String url() {
            return url;
        }

        private void arrived(String messageId, String responseId, int size, long at) {
            requests.incrementAndGet();
            bytes.addAndGet(size);
            firstByMessage.putIfAbsent(messageId, at);
            if (responseId != null) {
                firstByResponse.putIfAbsent(responseId, at);
            }
            lastArrival.accumulateAndGet(at, Math::max);
        }

        /** When the first message carrying this response arrived, or null. */
        Long firstArrival(String responseId) {
            return firstByResponse.get(responseId);
        }

        long messages() {
            return firstByMessage.size();
        }

        /** The first arrival of every message, earliest first. */
        long[] arrivals() {
            return firstByMessage.values().stream().mapToLong(Long::longValue).sorted().toArray();
        }

        long requests() {
            return requests.get();
        }

        /** Mean body size, bytes. */
        long meanBytes() {
            long count = requests.get();
            return count == 0 ? 0 : bytes.get() / count;
        }

        long lastArrival() {
            return lastArrival.get();
        }

        /** The most requests this path was handling at one time. */
        int mostOpen() {
            return mostOpen.get();
        }
    }
}
