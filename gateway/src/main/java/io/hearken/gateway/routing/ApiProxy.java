package io.hearken.gateway.routing;

import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.RequestIdFilter;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.problem.Problem;
import io.hearken.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's one handler for {@code /api/*}: finds the route, authenticates and authorizes the caller, sets the
 * tenant from the token, and forwards the request to the service. Every refusal is RFC 9457 problem+json.
 */
@ApplicationScoped
public class ApiProxy {

    static final String REQUEST_ID = RequestIdFilter.HEADER;
    private static final String API_PREFIX = "/api";
    /** Longest wait for a connection to a service, from the pool or new; past it the client gets 503. */
    private static final java.time.Duration CONNECT_TIMEOUT = java.time.Duration.ofSeconds(3);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    private final GatewayConfig config;
    private final HttpClient client;
    private final CrossOrigin crossOrigin;

    public ApiProxy(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.crossOrigin = new CrossOrigin(config);
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
                .setMaxPoolSize(200)
                .setMaxWaitQueueSize(2000)
                .setKeepAlive(true));
    }

    void register(@Observes Router router) {
        router.route(API_PREFIX + "/*")
                // Read up to the largest limit; each route's own limit is checked once the route is known.
                .handler(BodyHandler.create().setBodyLimit(Math.max(config.maxBodyBytes(),
                        config.batchMaxBodyBytes())).setHandleFileUploads(false))
                .handler(this::handle)
                .failureHandler(this::failed);
    }

    private void handle(RoutingContext context) {
        String method = context.request().method().name();
        String requestId = requestId(context);
        context.response().putHeader(REQUEST_ID, requestId);
        MDC.put(RequestIdFilter.MDC_KEY, requestId);

        // Routes are matched on the normalised path and only that path is forwarded: a service resolves '..' and
        // decodes '%2e' itself, so the raw path is not what it would act on.
        RequestPath normalised = context.get(PathGuard.NORMALISED_PATH);
        if (normalised == null || !normalised.isUnder(API_PREFIX) || !normalised.keepsLeading(1)) {
            PathGuard.invalid(context, "the path leaves " + API_PREFIX);
            return;
        }
        RequestPath path = normalised.dropLeading(1);
        ApiRoute route = RouteTable.find(CrossOrigin.routedMethod(context), path.decoded()).orElse(null);
        if (route != null && !CrossOrigin.surveyDecides(route)) {
            if (CrossOrigin.isPreflight(context)) {
                crossOrigin.answerPreflight(context);
                return;
            }
            crossOrigin.allowConsole(context);
        }
        if (route == null && normalised.steppedBack()) {
            PathGuard.invalid(context, "'..' leads to no API");
            return;
        }
        if (route == null) {
            boolean known = RouteTable.knowsPath(path.decoded());
            problem(context, known ? 405 : 404, known ? "method-not-allowed" : "not-found",
                    known ? "Method not allowed" : "Not found",
                    known ? method + " is not allowed on " + context.request().path()
                            : "No API at " + context.request().path());
            return;
        }
        if (!path.keepsLeading(route.prefixSegments())) {
            PathGuard.invalid(context, "'..' steps back out of " + API_PREFIX + route.prefix());
            return;
        }
        int bodyLimit = route.takesBatches() ? config.batchMaxBodyBytes() : config.maxBodyBytes();
        if (context.body() != null && context.body().length() > bodyLimit) {
            problem(context, 413, "payload-too-large", "Payload too large",
                    "The request body is larger than " + bodyLimit + " bytes.");
            return;
        }
        if (route.isPublic()) {
            // A survey's preflight goes on as it came: survey-service answers it with the survey's origins.
            forward(context, route, path, null, null, requestId);
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(context, null)
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .subscribe().with(identity -> authorize(context, route, path, identity, requestId),
                        failure -> problem(context, 401, "unauthorized", "Unauthorized",
                                "A valid bearer token is required."));
    }

    private void authorize(RoutingContext context, ApiRoute route, RequestPath path, SecurityIdentity identity,
                           String requestId) {
        if (identity == null || identity.isAnonymous()) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            problem(context, 401, "unauthorized", "Unauthorized", "A valid bearer token is required.");
            return;
        }
        if (route.rolesAllowed().stream().noneMatch(identity::hasRole)) {
            problem(context, 403, "forbidden", "Forbidden",
                    "This call needs one of the roles " + String.join(", ", route.rolesAllowed().stream()
                            .sorted().toList()) + ".");
            return;
        }
        String tenant = tenantOf(identity);
        if (tenant == null || tenant.isBlank()) {
            problem(context, 403, "no-tenant", "Forbidden", "The token names no tenant (claim '"
                    + config.tenantClaim() + "').");
            return;
        }
        String role = route.rolesAllowed().stream().filter(identity::hasRole).sorted().findFirst().orElseThrow();
        forward(context, route, path, tenant, role + ":" + identity.getPrincipal().getName(), requestId);
    }

    private String tenantOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(config.tenantClaim());
            return claim == null ? null : claim.toString().replace("\"", "");
        }
        return null;
    }

    private void forward(RoutingContext context, ApiRoute route, RequestPath path, String tenant, String caller,
                         String requestId) {
        String query = context.request().query();
        URI target = URI.create(baseUrl(route.upstream()) + path.encoded() + (query == null ? "" : "?" + query));
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(context.request().method().name()))
                .setAbsoluteURI(target.toString())
                .setConnectTimeout(CONNECT_TIMEOUT.toMillis())
                .setIdleTimeout(config.upstreamTimeout().toMillis());
        // Sent tells a failure before the request left (safe: nothing was done) from one after (outcome unknown).
        java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();
        MultiMap headers = forwardedHeaders(context, tenant, caller, requestId);
        Buffer body = context.body().buffer();
        client.request(options)
                .compose(request -> {
                    request.headers().addAll(headers);
                    sent.set(true);
                    return body == null ? request.send() : request.send(body);
                })
                .compose(response -> response.body().map(buffer -> new UpstreamAnswer(response, buffer)))
                .onSuccess(answer -> relay(context, answer))
                .onFailure(failure -> upstreamFailed(context, route, failure, sent.get()));
    }

    private MultiMap forwardedHeaders(RoutingContext context, String tenant, String caller, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        context.request().headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            // The token stays at the gateway; X-Hearken-* headers are the gateway's to set, never a client's.
            if (!HOP_BY_HOP.contains(name) && !name.equals("authorization") && !name.startsWith("x-hearken-")) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        if (tenant != null) {
            headers.set(TenantHeader.NAME, tenant);
        }
        if (caller != null) {
            headers.set(CallerHeader.NAME, caller);
        }
        headers.set(REQUEST_ID, requestId);
        headers.set("X-Forwarded-For", context.request().remoteAddress() == null ? ""
                : context.request().remoteAddress().hostAddress());
        return headers;
    }

    private static void relay(RoutingContext context, UpstreamAnswer answer) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(answer.response().statusCode());
        answer.response().headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("location")) {
                context.response().putHeader(header.getKey(), publicLocation(header.getValue()));
            } else if (!HOP_BY_HOP.contains(name)) {
                context.response().putHeader(header.getKey(), header.getValue());
            }
        });
        context.response().end(answer.body());
    }

    private void upstreamFailed(RoutingContext context, ApiRoute route, Throwable failure, boolean requestSent) {
        String service = route.upstream().name().toLowerCase(Locale.ROOT);
        Log.warnf("Upstream %s failed for %s %s: %s", route.upstream(), context.request().method(),
                context.request().path(), failure.toString());
        if (!requestSent) {
            context.response().putHeader("Retry-After", "2");
            problem(context, 503, "unavailable", "Service temporarily unavailable",
                    "The " + service + " service cannot be reached; the request was not sent. Retry later.");
        } else if (isTimeout(failure)) {
            problem(context, 504, "upstream-timeout", "Gateway timeout",
                    "The " + service + " service did not answer within " + config.upstreamTimeout().toSeconds()
                            + " s; the outcome is unknown. Retry with the same Idempotency-Key.");
        } else {
            context.response().putHeader("Retry-After", "2");
            problem(context, 502, "upstream-failed", "Bad gateway",
                    "The " + service + " service failed while handling the request; the outcome is unknown. "
                            + "Retry with the same Idempotency-Key.");
        }
    }

    private static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException
                || failure.getClass().getSimpleName().contains("TimeoutException");
    }

    /** A service's absolute Location names an internal address; clients get the path under the gateway's /api. */
    static String publicLocation(String location) {
        try {
            URI uri = URI.create(location);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return path.startsWith("/v1/") ? API_PREFIX + path : location;
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    private void failed(RoutingContext context) {
        if (context.failure() instanceof AuthenticationFailedException) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            problem(context, 401, "unauthorized", "Unauthorized", "A valid bearer token is required.");
        } else if (context.statusCode() == 413) {
            problem(context, 413, "payload-too-large", "Payload too large",
                    "The request body is larger than " + Math.max(config.maxBodyBytes(), config.batchMaxBodyBytes())
                            + " bytes.");
        } else if (context.statusCode() == 400) {
            problem(context, 400, "bad-request", "Bad request", "The request could not be read.");
        } else {
            Log.error("Gateway failure", context.failure());
            problem(context, 500, "server-error", "Internal server error", "The request failed unexpectedly.");
        }
    }

    private String baseUrl(Upstream upstream) {
        String url = switch (upstream) {
            case SURVEY -> config.surveyServiceUrl();
            case PROFILE -> config.profileServiceUrl();
            case INSIGHT -> config.insightServiceUrl();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String requestId(RoutingContext context) {
        String given = context.request().getHeader(REQUEST_ID);
        return given != null && given.matches("[A-Za-z0-9._-]{1,64}") ? given : UUID.randomUUID().toString();
    }

    static void problem(RoutingContext context, int status, String slug, String title, String detail) {
        if (context.response().ended()) {
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", Problem.type(slug).toString())
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", context.request().path());
        context.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(problem.encode());
    }

    private record UpstreamAnswer(HttpClientResponse response, Buffer body) {
    }
}
