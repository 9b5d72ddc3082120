package io.hearken.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;

/**
 * Answers a refused request with the same RFC 9457 document the services answer with ({@link Problem}, built from a
 * {@link ProblemException} as {@code Problems} does for them), written straight onto the Vert.x response because the
 * gateway's API routes run below JAX-RS. The problem's {@code instance} is the path the client sent. A 401 always
 * names the one scheme the gateway takes ({@code WWW-Authenticate: Bearer}), and a refusal the client may retry
 * carries {@code Retry-After}.
 */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Ends the response with the problem, unless an answer was already sent (a late failure after a relay). */
    public void write(RoutingContext context, ProblemException refusal) {
        if (context.response().ended()) {
            return;
        }
        Problem problem = new Problem(Problem.type(refusal.typeSlug()), refusal.title(), refusal.status(),
                refusal.getMessage(), context.request().path(), refusal.errors());
        if (refusal.status() == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
        }
        if (refusal.retryAfterSeconds() != null) {
            context.response().putHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
        }
        context.response().setStatusCode(refusal.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(encode(problem));
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
