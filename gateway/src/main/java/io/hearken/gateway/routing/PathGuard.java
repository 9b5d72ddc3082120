package io.hearken.gateway.routing;

import io.hearken.common.problem.ProblemException;
import io.hearken.gateway.problem.ProblemWriter;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * The first look at every request on the gateway's port, before any route is chosen: Vert.x picks routes on its
 * own normalised path, so {@code /api/../q/metrics} would otherwise bypass {@link ApiHandler} altogether. A path that
 * cannot be read one way only, or whose {@code ..} steps back out of its first segment, is refused here with a
 * 400 {@code invalid-path} problem; any other path goes on, its normalised form kept for {@link ApiHandler}. (A URI
 * that is not even valid syntax, such as {@code %zz} or a raw backslash, Quarkus refuses with a bare 400 before any
 * route runs.)
 */
@ApplicationScoped
public class PathGuard {

    static final String NORMALISED_PATH = RequestPath.class.getName();

    private final ProblemWriter problems;

    public PathGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    void register(@Observes Router router) {
        // After Quarkus's own bookkeeping (start time, access log, headers), before every other route.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        RequestPath path;
        try {
            path = RequestPath.parse(context.request().path());
        } catch (RequestPath.InvalidPathException e) {
            problems.write(context, invalid(e.getMessage()));
            return;
        }
        if (!path.keepsLeading(1)) {
            problems.write(context, invalid("'..' steps back out of the path's first segment"));
            return;
        }
        context.put(NORMALISED_PATH, path);
        context.next();
    }

    /** The refusal of a path that cannot be accepted, saying why. */
    static ProblemException invalid(String reason) {
        return new ProblemException(400, "invalid-path", "Invalid path", "The path cannot be accepted: " + reason
                + ". Send it without '.' or '..' segments, encoded '/', backslashes or control characters.",
                List.of(), null);
    }
}
