package io.hearken.common.http;

import io.hearken.common.config.HttpLimitsConfig;
import io.hearken.common.problem.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request whose declared body is larger than {@code hearken.http.max-body-bytes} ({@code batch-max-body-bytes} for a path
 * ending in {@code /batch}) with a 413 problem
 * before any of it is read. Bodies without a length are capped by {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class RequestSizeLimit {

    static final String BATCH_SUFFIX = "/batch";

    private final long maxBodyBytes;
    private final long batchMaxBodyBytes;

    public RequestSizeLimit(HttpLimitsConfig config) {
        this.maxBodyBytes = config.maxBodyBytes();
        this.batchMaxBodyBytes = config.batchMaxBodyBytes();
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String length = context.request().getHeader("Content-Length");
            String path = context.request().path();
            long limit = path != null && path.endsWith(BATCH_SUFFIX) ? batchMaxBodyBytes : maxBodyBytes;
            if (length != null && isOverLimit(length, limit)) {
                JsonObject problem = new JsonObject()
                        .put("type", Problem.type("payload-too-large").toString())
                        .put("title", "Payload too large")
                        .put("status", 413)
                        .put("detail", "The request body has " + length + " bytes; the limit is " + limit
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

    private static boolean isOverLimit(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
