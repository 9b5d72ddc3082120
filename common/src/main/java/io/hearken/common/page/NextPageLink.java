package io.hearken.common.page;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;

/**
 * Adds {@code Link: <…>; rel="next"} to every answer that is a {@link Page} with a next page, for clients that
 * follow links rather than read bodies: the request's own URL with {@code after} set to the page's {@code next}
 * (and the deprecated {@code cursor} alias dropped, so the two never disagree). It names this service's address;
 * the gateway rewrites it to its public {@code /api} path like it does {@code Location}.
 */
public class NextPageLink {

    /** The older name of {@code after} that some lists still accept; never written into a next link. */
    public static final String DEPRECATED_AFTER = "cursor";

    @ServerResponseFilter
    public void addLink(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Page<?> page && page.next() != null
                && !response.getHeaders().containsKey(HttpHeaders.LINK)) {
            response.getHeaders().add(HttpHeaders.LINK, header(request.getUriInfo().getRequestUri(), page.next()));
        }
    }

    /** The header value naming the page after {@code requestUri}'s, whose cursor is {@code next}. */
    public static String header(URI requestUri, String next) {
        URI nextPage = UriBuilder.fromUri(requestUri).replaceQueryParam(DEPRECATED_AFTER)
                .replaceQueryParam("after", next).build();
        return "<" + nextPage + ">; rel=\"next\"";
    }
}
