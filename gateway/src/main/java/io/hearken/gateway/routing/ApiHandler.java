package io.hearken.gateway.routing;

import io.hearken.common.http.RequestIdFilter;
import io.hearken.common.problem.ProblemException;
import io.hearken.common.security.GatewayCredential;
import io.hearken.gateway.client.UpstreamRelay;
import io.hearken.gateway.composition.CustomerView;
import io.hearken.gateway.config.GatewayConfig;
import io.hearken.gateway.limits.LimitDecision;
import io.hearken.gateway.limits.LimitPolicy;
import io.hearken.gateway.limits.RateLimiter;
import io.hearken.gateway.problem.ProblemWriter;
import io.hearken.gateway.security.AccessPolicy;
import io.hearken.gateway.security.CallerIdentity;
import io.hearken.gateway.security.ServiceCredential;
import io.hearken.gateway.security.VerifiedTokens;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The gateway's one handler for {@code /api/*}, which only puts the pieces in order: match the normalised path to a
 * route of the {@link RouteTable} (with {@link CrossOrigin}'s say on browsers' calls), check the body's size, have
 * the {@link AccessPolicy} admit the caller unless the route is public, count the request against its limits
 * ({@link RateLimiter}), and let the {@link UpstreamRelay} carry the request to the service and its answer back.
 * Every refusal is an RFC 9457 problem written by {@link ProblemWriter}.
 */
@ApplicationScoped
public class ApiHandler {

    private static final String API_PREFIX = "/api";
    /**
     * Largest total of a request's header names and values: a bearer token with many roles fits many times over. The
     * HTTP server refuses still larger ones itself ({@code quarkus.http.limits.max-header-size}), as plain 431.
     */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final String NEEDS_LOGIN = "hearken.needs-login";
    private static final String BEARER = "Bearer ";
    /** Where Quarkus's HTTP metrics look for a request's path template (else they tag the raw path). */
    public static final String METRICS_TEMPLATE = "UrlPathTemplate";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final GatewayConfig config;
    private final CrossOrigin crossOrigin;
    private final AccessPolicy access;
    private final UpstreamRelay relay;
    private final ProblemWriter problems;
    private final ServiceCredential credentials;
    private final CustomerView customerView;
    private final RateLimiter limiter;
    private final VerifiedTokens verifiedTokens = new VerifiedTokens(Clock.systemUTC());

    public ApiHandler(GatewayConfig config, AccessPolicy access, UpstreamRelay relay, ProblemWriter problems,
                      ServiceCredential credentials, CustomerView customerView, RateLimiter limiter) {
        this.config = config;
        this.crossOrigin = new CrossOrigin(config);
        this.access = access;
        this.relay = relay;
        this.problems = problems;
        this.credentials = credentials;
        this.customerView = customerView;
        this.limiter = limiter;
    }

    void register(@Observes Router router) {
        router.route(API_PREFIX + "/*")
                // Read up to the largest limit; each route's own limit is checked once the route is known.
                .handler(BodyHandler.create().setBodyLimit(largestBody()).setHandleFileUploads(false))
                .handler(this::handle)
                .failureHandler(this::failed);
    }

    private void handle(RoutingContext context) {
        String requestId = requestId(context);
        context.response().putHeader(RequestIdFilter.HEADER, requestId);
        context.addHeadersEndHandler(ended -> SecurityHeaders.addTo(context.response(),
                Boolean.TRUE.equals(context.get(NEEDS_LOGIN))));
        MDC.put(RequestIdFilter.MDC_KEY, requestId);
        if (headerBytes(context) > MAX_HEADER_BYTES) {
            problems.write(context, new ProblemException(431, "headers-too-large", "Request header fields too large",
                    "The request's headers are larger than " + MAX_HEADER_BYTES + " bytes.", List.of(), null));
            return;
        }

        // Routes are matched on the normalised path and only that path is forwarded: a service resolves '..' and
        // decodes '%2e' itself, so the raw path is not what it would act on.
        RequestPath normalised = context.get(PathGuard.NORMALISED_PATH);
        if (normalised == null || !normalised.isUnder(API_PREFIX) || !normalised.keepsLeading(1)) {
            problems.write(context, PathGuard.invalid("the path leaves " + API_PREFIX));
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
        Context requestContext = Vertx.currentContext();
        if (route == null) {
            requestContext.putLocal(METRICS_TEMPLATE, "/api/{no-route}");
            problems.write(context, noRoute(context, path, normalised.steppedBack()));
            return;
        }
        requestContext.putLocal(METRICS_TEMPLATE, route.metricsTemplate());
        context.put(NEEDS_LOGIN, !route.isPublic());
        if (!path.keepsLeading(route.prefixSegments())) {
            problems.write(context, PathGuard.invalid("'..' steps back out of " + API_PREFIX + route.prefix()));
            return;
        }
        int bodyLimit = route.takesBatches() ? config.batchMaxBodyBytes() : config.maxBodyBytes();
        if (context.body() != null && context.body().length() > bodyLimit) {
            problems.write(context, tooLarge(bodyLimit));
            return;
        }
        if (route.isPublic()) {
            // A survey's preflight goes on as it came: survey-service answers it with the survey's origins. It is
            // the browser's, not the respondent's, so it counts against no limit.
            List<LimitPolicy> limits = CrossOrigin.isPreflight(context) ? List.of()
                    : limiter.policiesForPublic(context.request(), GatewayCredential.publicResourceOf(path.decoded()));
            withinLimits(context, limits, () -> relay.relay(context, route, path.encoded(),
                    credentials.sign(route.upstream(), path.decoded(), Optional.empty()), requestId));
            return;
        }
        String token = bearerToken(context);
        Optional<SecurityIdentity> known = verifiedTokens.identityOf(token);
        if (known.isPresent()) {
            admitted(context, route, path, known.get(), requestId);
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(context, null)
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .subscribe().with(identity -> {
                    verifiedTokens.remember(token, identity);
                    admitted(context, route, path, identity, requestId);
                }, failure -> problems.write(context, AccessPolicy.unauthenticated()));
    }

    /** The bearer token of the request, or null. */
    private static String bearerToken(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).trim();
    }

    private void admitted(RoutingContext context, ApiRoute route, RequestPath path, SecurityIdentity identity,
                          String requestId) {
        CallerIdentity caller;
        try {
            caller = access.admit(route.rolesAllowed(), identity);
        } catch (ProblemException refusal) {
            problems.write(context, refusal);
            return;
        }
        String origin = context.request().getHeader("Origin");
        if (!crossOrigin.allowsFor(origin, context.request().getHeader("Host"), caller.tenant())) {
            problems.write(context, new ProblemException(403, "origin-not-allowed", "Forbidden", "The page at "
                    + origin + " may not call the API for this tenant.", List.of(), null));
            return;
        }
        withinLimits(context, limiter.policiesFor(caller), () -> {
            if (CustomerView.ROUTE.equals(route.name())) {
                customerView.answer(context, caller, path.encoded().split("/")[3], requestId);
            } else {
                relay.relay(context, route, path.encoded(),
                        credentials.sign(route.upstream(), path.decoded(), Optional.of(caller)), requestId);
            }
        });
    }

    /**
     * Counts the request against its limits ({@link RateLimiter}, decided at once) and goes on if none is used up;
     * else 429 with {@code Retry-After}. Either way the answer says where the limits stand.
     */
    private void withinLimits(RoutingContext context, List<LimitPolicy> limits, Runnable proceed) {
        LimitDecision decision = limiter.check(limits);
        decision.writeHeaders(context.response().headers());
        if (decision.allowed()) {
            proceed.run();
        } else {
            problems.write(context, tooManyRequests(decision));
        }
    }

    private static ProblemException tooManyRequests(LimitDecision decision) {
        LimitDecision.State used = decision.tightest();
        return new ProblemException(429, "rate-limited", "Too many requests", "The " + used.policy().name()
                + " limit of " + used.policy().quota() + " requests per " + decision.windowSeconds()
                + " s is used up; retry after " + decision.retryAfterSeconds() + " s.", List.of(),
                (int) decision.retryAfterSeconds());
    }

    /** 400 when a '..' led nowhere, else 405 for a known path with another method, else 404. */
    private static ProblemException noRoute(RoutingContext context, RequestPath path, boolean steppedBack) {
        if (steppedBack) {
            return PathGuard.invalid("'..' leads to no API");
        }
        if (RouteTable.knowsPath(path.decoded())) {
            return new ProblemException(405, "method-not-allowed", "Method not allowed",
                    context.request().method().name() + " is not allowed on " + context.request().path(), List.of(),
                    null);
        }
        return new ProblemException(404, "not-found", "Not found", "No API at " + context.request().path(),
                List.of(), null);
    }

    private static ProblemException tooLarge(int bodyLimit) {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "The request body is larger than " + bodyLimit + " bytes.", List.of(), null);
    }

    private void failed(RoutingContext context) {
        if (context.failure() instanceof AuthenticationFailedException) {
            problems.write(context, AccessPolicy.unauthenticated());
        } else if (context.statusCode() == 413) {
            problems.write(context, tooLarge(largestBody()));
        } else if (context.statusCode() == 400) {
            problems.write(context, new ProblemException(400, "bad-request", "Bad request",
                    "The request could not be read.", List.of(), null));
        } else {
            Log.error("Gateway failure", context.failure());
            problems.write(context, new ProblemException(500, "server-error", "Internal server error",
                    "The request failed unexpectedly.", List.of(), null));
        }
    }

    private static int headerBytes(RoutingContext context) {
        int bytes = 0;
        for (var header : context.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private int largestBody() {
        return Math.max(config.maxBodyBytes(), config.batchMaxBodyBytes());
    }

    private static String requestId(RoutingContext context) {
        String given = context.request().getHeader(RequestIdFilter.HEADER);
        if (given != null && REQUEST_ID.matcher(given).matches()) {
            return given;
        }
        // A random id in UUID form, without UUID.randomUUID()'s one SecureRandom that every event loop would queue
        // on: an id needs to be unique, not unguessable.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
