package io.hearken.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the gateway's {@code X-Request-Id} into the logging context, so every line a service logs while handling a
 * request can be matched with the gateway's answer to the client (log format key {@code %X{requestId}}).
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    @ServerRequestFilter
    public void tagLogs(ContainerRequestContext request) {
        String requestId = request.getHeaderString(HEADER);
        if (requestId != null && requestId.matches("[A-Za-z0-9._-]{1,64}")) {
            MDC.put(MDC_KEY, requestId);
        } else {
            MDC.remove(MDC_KEY);
        }
    }
}
