package io.hearken.common.http;

import io.hearken.common.problem.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.hearken.common.config.HttpLimitsConfig;

/**
 * Refuses a request whose declared body is larger than {@code hearken.http.max-body-bytes} with a 413 problem
 * before any of it is read. Bodies without a length are capped by {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class RequestSizeLimit {

    private final long maxBodyBytes;

    public RequestSizeLimit(HttpLimitsConfig config) {
        this.maxBodyBytes = config.maxBodyBytes();
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && isOverLimit(length)) {
                JsonObject problem = new JsonObject()
                        .put("type", Problem.type("payload-too-large").toString())
                        .put("title", "Payload too large")
                        .put("status", 413)
                        .put("detail", "The request body has " + length + " bytes; the limit is " + maxBodyBytes
                                + " bytes.");
                context.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(problem.encode());
                return;
            }
            context.next();
        }, 1000);
    }

    private boolean isOverLimit(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
