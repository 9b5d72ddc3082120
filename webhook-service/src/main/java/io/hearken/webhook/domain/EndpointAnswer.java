package io.hearken.webhook.domain;

import java.time.Duration;

/**
 * What one attempt got from an endpoint: an HTTP status (null when none came, with {@code error} saying why: a
 * timeout, a refused address, a connection failure), the start of the body for the log, and a Retry-After.
 */
public record EndpointAnswer(Integer status, String error, String excerpt, Duration retryAfter, long latencyMillis) {

    public static EndpointAnswer failure(String error, long latencyMillis) {
        return new EndpointAnswer(null, error, null, null, latencyMillis);
    }

    /** Only 2xx is success; a redirect is a failure, since deliveries never follow one. */
    public boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }

    /** 410 Gone: the receiver says the endpoint no longer exists; it is disabled at once. */
    public boolean gone() {
        return status != null && status == 410;
    }

    /** A Retry-After counts only with 429 and 503, as the Standard Webhooks spec says. */
    public Duration honouredRetryAfter() {
        return status != null && (status == 429 || status == 503) ? retryAfter : null;
    }
}
