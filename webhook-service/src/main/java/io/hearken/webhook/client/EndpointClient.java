package io.hearken.webhook.client;

import io.hearken.webhook.config.WebhookConfig;
import io.hearken.webhook.domain.EndpointAnswer;
import io.hearken.webhook.domain.EndpointUrl;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Sends one signed message to one endpoint and says what came back. It connects to the address the caller checked
 * (never resolving the name again itself, so a DNS answer cannot change between the check and the connection), keeps
 * the URL's host for the Host header and TLS, follows no redirect, bounds the whole attempt by a deadline, and reads
 * at most the first bytes of the answer for the log.
 */
@ApplicationScoped
public class EndpointClient {

    private static final String USER_AGENT = "Hearken-Webhooks/1.0";

    private final HttpClient http;
    private final int excerptBytes;

    public EndpointClient(Vertx vertx, WebhookConfig config) {
        int timeout = (int) config.attemptTimeout().toMillis();
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setKeepAlive(true)
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxRedirects(0)
                .setTryUseCompression(false);
        // Connections are pooled per host and port, which several endpoints may share (paths of one integration
        // platform): the pool must never be what bounds one endpoint, or a slow one would hold up its neighbours.
        // The dispatcher bounds each endpoint; the pool only the instance.
        this.http = vertx.createHttpClient(options,
                new PoolOptions().setHttp1MaxSize(config.maxInFlight()).setMaxWaitQueueSize(-1));
        this.excerptBytes = config.responseExcerptBytes();
    }

    /** Posts {@code body} to {@code url} at {@code address}; never fails, a failure is an answer without status. */
    public Uni<EndpointAnswer> post(EndpointUrl url, InetAddress address, Map<String, String> headers, String body,
                                    Duration deadline) {
        long started = System.nanoTime();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(url.host())
                .setPort(url.port())
                .setSsl(url.secure())
                .setURI(url.requestTarget())
                .setServer(SocketAddress.inetSocketAddress(url.port(), address.getHostAddress()))
                .setFollowRedirects(false)
                .setIdleTimeout(deadline.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", USER_AGENT);
        headers.forEach(request::putHeader);
        Promise<EndpointAnswer> answer = Promise.promise();
        http.request(request)
                .compose(sent -> sent.send(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))))
                .onSuccess(response -> readExcerpt(response, answer, started))
                .onFailure(failure -> answer.tryComplete(EndpointAnswer.failure(describe(failure),
                        millisSince(started))));
        return Uni.createFrom().completionStage(answer.future().toCompletionStage())
                .ifNoItem().after(deadline).recoverWithItem(() -> EndpointAnswer.failure(
                        "no answer within " + deadline.toMillis() + " ms", millisSince(started)));
    }

    private void readExcerpt(HttpClientResponse response, Promise<EndpointAnswer> answer, long started) {
        Buffer excerpt = Buffer.buffer();
        Duration retryAfter = retryAfter(response.getHeader("Retry-After"));
        Runnable complete = () -> answer.tryComplete(new EndpointAnswer(response.statusCode(), null,
                excerpt.length() == 0 ? null : excerpt.toString(StandardCharsets.UTF_8), retryAfter,
                millisSince(started)));
        response.handler(chunk -> {
            if (excerpt.length() < excerptBytes) {
                excerpt.appendBuffer(chunk, 0, Math.min(chunk.length(), excerptBytes - excerpt.length()));
            }
            if (excerpt.length() >= excerptBytes) {
                // The rest is not wanted: stop reading instead of downloading whatever the endpoint sends
                complete.run();
                response.request().connection().close();
            }
        });
        // The end as a future, not an end handler: a short answer (a 204) may have ended before this callback
        // ran, and a handler set after its end is never called, which left attempts waiting for their deadline.
        response.end().onComplete(ended -> complete.run());
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "timeout";
        }
        String message = failure.getMessage();
        String kind = failure.getClass().getSimpleName();
        return message == null ? kind : kind + ": " + (message.length() > 200 ? message.substring(0, 200) : message);
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    void close(@Observes ShutdownEvent event) {
        http.close();
    }
}
