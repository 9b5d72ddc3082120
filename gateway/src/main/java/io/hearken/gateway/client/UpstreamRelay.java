package io.hearken.gateway.client;

import io.hearken.common.problem.ProblemException;
import io.hearken.gateway.config.GatewayConfig;
import io.hearken.gateway.problem.ProblemWriter;
import io.hearken.gateway.security.CallerIdentity;
import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends an admitted request on to its service and the service's answer back, without blocking: one pooled Vert.x
 * client, a connect timeout and an answer timeout ({@code hearken.gateway.upstream-timeout}), headers scrubbed both
 * ways by {@link ForwardedHeaders}. A service that cannot be reached, is too slow or fails mid-answer becomes a
 * problem that says whether the request was sent (503: it was not, retry) or its outcome is unknown (504, 502: retry
 * with the same {@code Idempotency-Key}).
 */
@ApplicationScoped
public class UpstreamRelay {

    /** Longest wait for a connection to a service, from the pool or new; past it the client gets 503. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final int RETRY_AFTER_SECONDS = 2;

    private final GatewayConfig config;
    private final ProblemWriter problems;
    private final HttpClient client;

    public UpstreamRelay(GatewayConfig config, ProblemWriter problems, Vertx vertx) {
        this.config = config;
        this.problems = problems;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
                .setMaxPoolSize(200)
                .setMaxWaitQueueSize(2000)
                .setKeepAlive(true));
    }

    /**
     * Relays the request to {@code upstream} at {@code encodedPath} (the normalised path, the query as received) and
     * ends the client's response with the answer or a problem.
     *
     * @param caller who the call is made by; empty on a public route
     */
    public void relay(RoutingContext context, Upstream upstream, String encodedPath, Optional<CallerIdentity> caller,
                      String requestId) {
        String query = context.request().query();
        URI target = URI.create(baseUrl(upstream) + encodedPath + (query == null ? "" : "?" + query));
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(context.request().method().name()))
                .setAbsoluteURI(target.toString())
                .setConnectTimeout(CONNECT_TIMEOUT.toMillis())
                .setIdleTimeout(config.upstreamTimeout().toMillis());
        // Sent tells a failure before the request left (safe: nothing was done) from one after (outcome unknown).
        AtomicBoolean sent = new AtomicBoolean();
        MultiMap headers = ForwardedHeaders.toService(context.request(), caller, requestId);
        Buffer body = context.body().buffer();
        client.request(options)
                .compose(request -> {
                    request.headers().addAll(headers);
                    sent.set(true);
                    return body == null ? request.send() : request.send(body);
                })
                .compose(response -> response.body().map(buffer -> new ServiceAnswer(response, buffer)))
                .onSuccess(answer -> answer(context, answer))
                .onFailure(failure -> failed(context, upstream, failure, sent.get()));
    }

    private static void answer(RoutingContext context, ServiceAnswer answer) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(answer.response().statusCode());
        ForwardedHeaders.toClient(answer.response().headers(), context.response());
        context.response().end(answer.body());
    }

    private void failed(RoutingContext context, Upstream upstream, Throwable failure, boolean requestSent) {
        Log.warnf("Upstream %s failed for %s %s: %s", upstream, context.request().method(),
                context.request().path(), failure.toString());
        problems.write(context, problemFor(upstream, failure, requestSent));
    }

    private ProblemException problemFor(Upstream upstream, Throwable failure, boolean requestSent) {
        String service = upstream.name().toLowerCase(Locale.ROOT);
        if (!requestSent) {
            return ProblemException.unavailable("The " + service + " service cannot be reached; the request was not "
                    + "sent. Retry later.", RETRY_AFTER_SECONDS);
        }
        if (isTimeout(failure)) {
            return new ProblemException(504, "upstream-timeout", "Gateway timeout", "The " + service
                    + " service did not answer within " + config.upstreamTimeout().toSeconds()
                    + " s; the outcome is unknown. Retry with the same Idempotency-Key.", List.of(), null);
        }
        return new ProblemException(502, "upstream-failed", "Bad gateway", "The " + service
                + " service failed while handling the request; the outcome is unknown. "
                + "Retry with the same Idempotency-Key.", List.of(), RETRY_AFTER_SECONDS);
    }

    private static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException
                || failure.getClass().getSimpleName().contains("TimeoutException");
    }

    private String baseUrl(Upstream upstream) {
        String url = switch (upstream) {
            case SURVEY -> config.surveyServiceUrl();
            case PROFILE -> config.profileServiceUrl();
            case INSIGHT -> config.insightServiceUrl();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private record ServiceAnswer(HttpClientResponse response, Buffer body) {
    }
}
