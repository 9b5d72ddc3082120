package io.hearken.webhook.rest;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A partner's endpoint for the tests, on 127.0.0.2 (the only loopback address the tests allow deliveries to): each
 * path answers as it is told (succeed, fail, 410, 429 with Retry-After, redirect, never answer) and every request is
 * kept with its headers, body and arrival time.
 */
final class LocalReceiver implements AutoCloseable {

    static final String HOST = "127.0.0.2";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, IntFunction<Reply>> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    LocalReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle);
        server.listen(0, HOST).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** What an answer is: a status with headers after a delay, or none at all ({@code hang}). */
    record Reply(int status, Map<String, String> headers, long delayMillis, boolean hang) {
        static Reply status(int status) {
            return new Reply(status, Map.of(), 0, false);
        }

        static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, headers, 0, false);
        }

        static Reply after(long delayMillis, int status) {
            return new Reply(status, Map.of(), delayMillis, false);
        }

        static Reply never() {
            return new Reply(0, Map.of(), 0, true);
        }
    }

    /** One request as it arrived. */
    record Received(String path, Map<String, String> headers, String body, Instant at) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** Makes {@code path} answer what {@code reply} says for its n-th request (counting from 1). */
    String endpoint(String path, IntFunction<Reply> reply) {
        behaviours.put(path, reply);
        return url(path);
    }

    String url(String path) {
        return "http://" + HOST + ":" + server.actualPort() + path;
    }

    List<Received> at(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Map<String, String> headers = new ConcurrentHashMap<>();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
            received.add(new Received(request.path(), headers, body.toString(), Instant.now()));
            int n = counts.computeIfAbsent(request.path(), path -> new AtomicInteger()).incrementAndGet();
            Reply reply = behaviours.getOrDefault(request.path(), count -> Reply.status(404)).apply(n);
            if (reply.hang()) {
                return;
            }
            Runnable answer = () -> {
                reply.headers().forEach(request.response()::putHeader);
                request.response().setStatusCode(reply.status()).end("answered " + reply.status());
            };
            if (reply.delayMillis() > 0) {
                vertx.setTimer(reply.delayMillis(), timer -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
