package io.hearken.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * For the phases that kill webhook-service, PostgreSQL (its schedule) or the broker (its source): a partner's
 * endpoint on 127.0.0.2, subscribed to the tenant's completed responses before the load starts. It fails the first
 * attempt of every fourth message (so the kill finds retries pending in the schedule) and answers the others after
 * a short wait (so the kill finds attempts in flight). Afterwards every acknowledged response of the phase's
 * surveys must have reached it, under one message id however often it came (at-least-once, never a second message).
 */
final class WebhookCheck implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The one loopback address the launcher lets deliveries reach (HEARKEN_WEBHOOK_ALLOWED_NETWORKS). */
    private static final String HOST = "127.0.0.2";

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final Set<String> surveys;
    private final Map<String, Set<String>> messageIdsByResponse = new ConcurrentHashMap<>();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final GatewayClient client;
    private final Callable<String> tokens;
    private String subscriptionId;

    private WebhookCheck(GatewayClient client, Callable<String> tokens, Set<String> surveys) throws IOException {
        this.client = client;
        this.tokens = tokens;
        this.surveys = surveys;
        server = HttpServer.create(new InetSocketAddress(HOST, 0), 64);
        server.createContext("/hooks", this::receive);
        server.setExecutor(workers);
        server.start();
    }

    /** The check's endpoint, subscribed as the admin whose fresh tokens {@code tokens} gives. */
    static WebhookCheck prepare(GatewayClient client, Callable<String> tokens, List<String> surveys)
            throws Exception {
        WebhookCheck check = new WebhookCheck(client, tokens, Set.copyOf(surveys));
        check.subscriptionId = client.subscribeToCompletedResponses(tokens.call(), "http://" + HOST + ":"
                + check.server.getAddress().getPort() + "/hooks");
        return check;
    }

    /** What the endpoint got: each expected response once, none missing, none under two message ids. */
    record Result(long expected, long received, long missing, long twoMessageIds, long requests) {

        boolean holds() {
            return missing == 0 && twoMessageIds == 0;
        }

        @Override
        public String toString() {
            return received + "/" + expected + " delivered" + (missing > 0 ? ", " + missing + " missing" : "")
                    + (twoMessageIds > 0 ? ", " + twoMessageIds + " under two ids" : "") + " (" + requests
                    + " requests)";
        }
    }

    Result verify(List<Submission> acknowledged) {
        Set<String> expected = acknowledged.stream()
                .filter(submission -> surveys.contains(submission.surveyId))
                .map(Submission::responseId)
                .collect(Collectors.toSet());
        long received = expected.stream().filter(messageIdsByResponse::containsKey).count();
        long twoIds = messageIdsByResponse.entrySet().stream()
                .filter(entry -> expected.contains(entry.getKey()) && entry.getValue().size() > 1).count();
        return new Result(expected.size(), received, expected.size() - received, twoIds, requests.get());
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            requests.incrementAndGet();
            JsonNode payload = JSON.readTree(body.readAllBytes());
            String messageId = exchange.getRequestHeaders().getFirst("webhook-id");
            String response = payload.path("data").path("responseId").asText();
            boolean failFirst = Math.floorMod(messageId.hashCode(), 4) == 0 && failedOnce.add(messageId);
            if (failFirst) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            Thread.sleep(20);
            messageIdsByResponse.computeIfAbsent(response, id -> ConcurrentHashMap.newKeySet()).add(messageId);
            exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the endpoint and removes its subscription, so that later runs and benchmarks do not share the
     * dispatcher with an endpoint nobody answers at any more.
     */
    @Override
    public void close() {
        try {
            if (subscriptionId != null) {
                client.deleteSubscription(tokens.call(), subscriptionId);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            FaultRun.log("could not remove the webhook subscription %s: %s", subscriptionId, e.getMessage());
        } finally {
            server.stop(0);
            workers.shutdownNow();
        }
    }

}
