package io.hearken.gateway.client;

import io.hearken.common.http.RequestIdFilter;
import io.hearken.common.problem.ProblemException;
import io.hearken.common.security.GatewayCredentials;
import io.hearken.gateway.config.GatewayConfig;
import io.hearken.gateway.problem.ProblemWriter;
import io.hearken.gateway.routing.ApiRoute;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends an admitted request on to its service and the service's answer back, without blocking: one pooled Vert.x
 * client; a deadline per route for the whole exchange, retries included ({@code hearken.gateway.upstream-timeout},
 * {@code route-timeouts}); one retry when the request never left (any method: nothing was done) or when a read
 * failed mid-answer (GET and HEAD only: sending them twice changes nothing); a {@link CircuitBreaker} per service;
 * an answer capped at {@code max-answer-bytes}; headers scrubbed both ways by {@link ForwardedHeaders}. A failure
 * becomes a problem that says whether the request was sent (503: it was not, retry) or its outcome is unknown
 * (504, 502: retry with the same {@code Idempotency-Key}).
 */
@ApplicationScoped
public class UpstreamRelay {

    /** Longest wait for a connection to a service, from the pool or new; past it the client gets 503. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final int RETRY_AFTER_SECONDS = 2;
    /** Longest silence of a stream before it counts as dead: past the services' keep-alives (every 15 s). */
    static final Duration STREAM_IDLE = Duration.ofSeconds(45);
    private static final Set<HttpMethod> SAFE_TO_RESEND = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    /**
     * How long a pooled connection may sit unused before the gateway closes it: shorter than the idle timeout of
     * anything it relays to (a JDK server closes after 30 s, load balancers commonly after 60 s). A request written
     * to a connection the other end is closing that moment fails after it was sent, so a POST could not be retried;
     * closing first on our side leaves no such moment.
     */
    static final int POOLED_CONNECTION_IDLE_SECONDS = 20;

    private final GatewayConfig config;
    private final ProblemWriter problems;
    private final Vertx vertx;
    private final HttpClient client;
    private final Map<Upstream, CircuitBreaker> circuits = new EnumMap<>(Upstream.class);
    /** Each service's address, parsed once: not one URL parse per request. */
    private final Map<Upstream, ServiceAddress> addresses = new EnumMap<>(Upstream.class);

    public UpstreamRelay(GatewayConfig config, ProblemWriter problems, Vertx vertx) {
        this.config = config;
        this.problems = problems;
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
                .setMaxPoolSize(200)
                .setMaxWaitQueueSize(2000)
                .setKeepAlive(true)
                .setKeepAliveTimeout(POOLED_CONNECTION_IDLE_SECONDS));
        for (Upstream upstream : Upstream.values()) {
            addresses.put(upstream, ServiceAddress.of(baseUrl(upstream)));
            circuits.put(upstream, new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                    config.circuitBreaker().openFor(), System::nanoTime));
        }
    }

    /**
     * Relays the request to the route's service at {@code encodedPath} (the normalised path, the query as received)
     * and ends the client's response with the answer or a problem.
     *
     * @param credential what the gateway vouches for on this hop (security.ServiceCredential)
     */
    public void relay(RoutingContext context, ApiRoute route, String encodedPath, String credential,
                      String requestId) {
        String query = context.request().query();
        Upstream upstream = route.upstream();
        Exchange exchange = new Exchange(context, upstream,
                addresses.get(upstream).basePath() + encodedPath + (query == null ? "" : "?" + query),
                HttpMethod.valueOf(context.request().method().name()),
                ForwardedHeaders.toService(context.request(), credential, requestId),
                context.body() == null ? null : context.body().buffer(), deadline(route));
        if (route.streams()) {
            stream(exchange);
        } else {
            attempt(exchange, 1);
        }
    }

    /**
     * Relays a stream that stays open (server-sent events): connected within the route's deadline, then passed on
     * chunk by chunk as the service writes, for as long as both ends stay; the service's keep-alives keep it from
     * going idle ({@link #STREAM_IDLE}). A refusal (not 200) is read and passed on whole, capped like any answer. The
     * client going away closes the service's side, and the service going away ends the client's response.
     */
    private void stream(Exchange exchange) {
        CircuitBreaker circuit = circuits.get(exchange.upstream);
        if (!circuit.allowsRequest()) {
            problems.write(exchange.context, circuitOpen(exchange.upstream, circuit.secondsUntilProbe()));
            return;
        }
        RequestOptions options = optionsFor(exchange, exchange.deadline.toMillis(), STREAM_IDLE.toMillis());
        AtomicBoolean sent = new AtomicBoolean();
        client.request(options)
                .compose(request -> {
                    request.headers().addAll(exchange.headers);
                    sent.set(true);
                    return request.send();
                })
                .onSuccess(response -> {
                    circuit.recordSuccess();
                    if (response.statusCode() != 200) {
                        readCapped(response).onComplete(read -> {
                            if (read.succeeded()) {
                                answer(exchange.context, read.result());
                            } else {
                                problems.write(exchange.context, problemFor(exchange.upstream, exchange.deadline,
                                        read.cause(), true));
                            }
                        });
                        return;
                    }
                    HttpServerResponse out = exchange.context.response();
                    out.setStatusCode(200).setChunked(true);
                    ForwardedHeaders.toClient(response.headers(), out);
                    exchange.context.request().connection().closeHandler(closed -> response.request().reset());
                    response.pipeTo(out);
                })
                .onFailure(failure -> {
                    circuit.recordFailure();
                    Log.warnf("Upstream %s stream failed for %s: %s", exchange.upstream,
                            exchange.context.request().path(), failure.toString());
                    problems.write(exchange.context, problemFor(exchange.upstream, exchange.deadline, failure,
                            sent.get()));
                });
    }

    /** The route's deadline, from {@code route-timeouts} or the default. */
    public Duration deadline(ApiRoute route) {
        return config.routeTimeouts().getOrDefault(route.name(), config.upstreamTimeout());
    }

    /** The circuit of a service, for tests and metrics. */
    public CircuitBreaker circuit(Upstream upstream) {
        return circuits.get(upstream);
    }

    private void attempt(Exchange exchange, int attempt) {
        CircuitBreaker circuit = circuits.get(exchange.upstream);
        if (!circuit.allowsRequest()) {
            problems.write(exchange.context, circuitOpen(exchange.upstream, circuit.secondsUntilProbe()));
            return;
        }
        long remainingMillis = exchange.remainingMillis();
        if (remainingMillis <= 0) {
            problems.write(exchange.context, timedOut(exchange.upstream, exchange.deadline));
            return;
        }
        // Sent tells a failure before the request left (safe: nothing was done) from one after (outcome unknown).
        AtomicBoolean sent = new AtomicBoolean();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        Promise<ServiceAnswer> answered = Promise.promise();
        long deadlineTimer = vertx.setTimer(remainingMillis, id -> {
            if (answered.tryFail(new TimeoutException("deadline")) && inFlight.get() != null) {
                inFlight.get().reset();
            }
        });
        RequestOptions options = optionsFor(exchange, remainingMillis, remainingMillis);
        client.request(options)
                .compose(request -> {
                    inFlight.set(request);
                    request.headers().addAll(exchange.headers);
                    sent.set(true);
                    return exchange.body == null ? request.send() : request.send(exchange.body);
                })
                .compose(this::readCapped)
                .onComplete(outcome -> {
                    if (outcome.succeeded()) {
                        answered.tryComplete(outcome.result());
                    } else {
                        answered.tryFail(outcome.cause());
                    }
                });
        answered.future().onComplete(outcome -> {
            vertx.cancelTimer(deadlineTimer);
            if (outcome.succeeded()) {
                circuit.recordSuccess();
                answer(exchange.context, outcome.result());
                return;
            }
            circuit.recordFailure();
            Throwable failure = outcome.cause();
            boolean resend = attempt == 1 && !(failure instanceof AnswerTooLarge)
                    && (!sent.get() || SAFE_TO_RESEND.contains(exchange.method) && !isTimeout(failure));
            Log.warnf("Upstream %s failed for %s %s (try %d%s): %s", exchange.upstream, exchange.method,
                    exchange.context.request().path(), attempt, resend ? ", trying again" : "", failure.toString());
            if (resend) {
                attempt(exchange, attempt + 1);
            } else {
                problems.write(exchange.context, problemFor(exchange.upstream, exchange.deadline, failure,
                        sent.get()));
            }
        });
    }

    /** Where and how a relayed request goes: its service's parsed address, connected within {@code connectMillis}. */
    private RequestOptions optionsFor(Exchange exchange, long connectMillis, long idleMillis) {
        ServiceAddress address = addresses.get(exchange.upstream);
        return new RequestOptions()
                .setMethod(exchange.method)
                .setHost(address.host())
                .setPort(address.port())
                .setSsl(address.ssl())
                .setURI(exchange.target)
                .setConnectTimeout(Math.min(CONNECT_TIMEOUT.toMillis(), connectMillis))
                .setIdleTimeout(idleMillis);
    }

    /**
     * A GET the gateway makes on its own account (a part of a composed answer such as the customer view), through
     * the same pooled client, {@link CircuitBreaker} and answer cap as a relayed request, within {@code deadline}.
     * Sent once: a part has a short deadline of its own, and its caller answers without it rather than wait. The
     * future fails with the problem a relayed request would have got (503, 504, 502); a service's own error answer
     * (4xx, 5xx) is a reply, not a failure.
     *
     * @param pathAndQuery the service's path, encoded, with its query
     * @param credential   what the gateway vouches for on this hop (security.ServiceCredential)
     */
    public Future<UpstreamReply> get(Upstream upstream, String pathAndQuery, String credential, String requestId,
                                     Duration deadline) {
        CircuitBreaker circuit = circuits.get(upstream);
        if (!circuit.allowsRequest()) {
            return Future.failedFuture(circuitOpen(upstream, circuit.secondsUntilProbe()));
        }
        AtomicBoolean sent = new AtomicBoolean();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        Promise<ServiceAnswer> answered = Promise.promise();
        long deadlineTimer = vertx.setTimer(Math.max(1, deadline.toMillis()), id -> {
            if (answered.tryFail(new TimeoutException("deadline")) && inFlight.get() != null) {
                inFlight.get().reset();
            }
        });
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(baseUrl(upstream) + pathAndQuery)
                .setConnectTimeout(Math.min(CONNECT_TIMEOUT.toMillis(), deadline.toMillis()))
                .setIdleTimeout(deadline.toMillis());
        client.request(options)
                .compose(request -> {
                    inFlight.set(request);
                    request.putHeader(GatewayCredentials.HEADER, credential);
                    request.putHeader(RequestIdFilter.HEADER, requestId);
                    request.putHeader("Accept", "application/json");
                    sent.set(true);
                    return request.send();
                })
                .compose(this::readCapped)
                .onComplete(outcome -> {
                    if (outcome.succeeded()) {
                        answered.tryComplete(outcome.result());
                    } else {
                        answered.tryFail(outcome.cause());
                    }
                });
        return answered.future().transform(outcome -> {
            vertx.cancelTimer(deadlineTimer);
            if (outcome.succeeded()) {
                circuit.recordSuccess();
                HttpClientResponse response = outcome.result().response();
                return Future.succeededFuture(new UpstreamReply(response.statusCode(), response.headers(),
                        outcome.result().body()));
            }
            circuit.recordFailure();
            Log.warnf("Upstream %s failed for GET %s: %s", upstream, pathAndQuery, outcome.cause().toString());
            return Future.failedFuture(problemFor(upstream, deadline, outcome.cause(), sent.get()));
        });
    }

    /** The answer's body, refused once it grows past the cap instead of after it is all in memory. */
    private Future<ServiceAnswer> readCapped(HttpClientResponse response) {
        int cap = config.maxAnswerBytes();
        String declared = response.getHeader("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > cap) {
            response.request().reset();
            return Future.failedFuture(new AnswerTooLarge());
        }
        Promise<ServiceAnswer> read = Promise.promise();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > cap) {
                if (read.tryFail(new AnswerTooLarge())) {
                    response.request().reset();
                }
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(read::tryFail);
        response.endHandler(done -> read.tryComplete(new ServiceAnswer(response, body)));
        return read.future();
    }

    private static void answer(RoutingContext context, ServiceAnswer answer) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(answer.response().statusCode());
        ForwardedHeaders.toClient(answer.response().headers(), context.response());
        context.response().end(answer.body());
    }

    private ProblemException problemFor(Upstream upstream, Duration deadline, Throwable failure,
                                        boolean requestSent) {
        String service = serviceName(upstream);
        if (!requestSent) {
            return ProblemException.unavailable("The " + service + " service cannot be reached; the request was not "
                    + "sent. Retry later.", RETRY_AFTER_SECONDS);
        }
        if (isTimeout(failure)) {
            return timedOut(upstream, deadline);
        }
        if (failure instanceof AnswerTooLarge) {
            return new ProblemException(502, "upstream-answer-too-large", "Bad gateway", "The " + service
                    + " service's answer is larger than the gateway passes on (" + config.maxAnswerBytes()
                    + " bytes); narrow the request (a smaller page).", List.of(), null);
        }
        return new ProblemException(502, "upstream-failed", "Bad gateway", "The " + service
                + " service failed while handling the request; the outcome is unknown. "
                + "Retry with the same Idempotency-Key.", List.of(), RETRY_AFTER_SECONDS);
    }

    private static ProblemException timedOut(Upstream upstream, Duration deadline) {
        return new ProblemException(504, "upstream-timeout", "Gateway timeout", "The "
                + serviceName(upstream) + " service did not answer within " + deadline.toMillis()
                + " ms; the outcome is unknown. Retry with the same Idempotency-Key.", List.of(), null);
    }

    private static ProblemException circuitOpen(Upstream upstream, long retryAfterSeconds) {
        return new ProblemException(503, "unavailable", "Service unavailable", "The " + serviceName(upstream)
                + " service is failing; the gateway sends it nothing for now and the request was not sent. "
                + "Retry later.", List.of(), (int) retryAfterSeconds);
    }

    private static String serviceName(Upstream upstream) {
        return upstream.name().toLowerCase(Locale.ROOT);
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
            case WEBHOOK -> config.webhookServiceUrl();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Where a service listens, from its base URL: {@code http://127.0.0.1:8081} or one with a path. */
    private record ServiceAddress(String host, int port, boolean ssl, String basePath) {

        static ServiceAddress of(String baseUrl) {
            URI uri = URI.create(baseUrl);
            boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return new ServiceAddress(uri.getHost(), port, ssl, path.endsWith("/") ? path.substring(0,
                    path.length() - 1) : path);
        }
    }

    /** One relayed request: what to send, and by when the whole exchange must be over. */
    private static final class Exchange {
        final RoutingContext context;
        final Upstream upstream;
        /** The path and query on the service. */
        final String target;
        final HttpMethod method;
        final MultiMap headers;
        final Buffer body;
        final Duration deadline;
        final long deadlineAt;

        Exchange(RoutingContext context, Upstream upstream, String target, HttpMethod method, MultiMap headers,
                 Buffer body, Duration deadline) {
            this.context = context;
            this.upstream = upstream;
            this.target = target;
            this.method = method;
            this.headers = headers;
            this.body = body;
            this.deadline = deadline;
            this.deadlineAt = System.nanoTime() + deadline.toNanos();
        }

        long remainingMillis() {
            return (deadlineAt - System.nanoTime()) / 1_000_000;
        }
    }

    private record ServiceAnswer(HttpClientResponse response, Buffer body) {
    }

    /** A service's answer past {@code max-answer-bytes}. */
    private static final class AnswerTooLarge extends RuntimeException {
        AnswerTooLarge() {
            super("answer too large", null, false, false);
        }
    }
}
