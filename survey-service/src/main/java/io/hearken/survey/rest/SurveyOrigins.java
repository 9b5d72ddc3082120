package io.hearken.survey.rest;

import io.hearken.survey.domain.SurveyVersion;
import io.hearken.survey.service.SurveyCatalog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cross-origin access to a survey's public endpoints, per survey: a page on one of the survey's
 * {@code settings.allowedOrigins} (the embedding site of the widget) may call them from the browser; any other
 * origin gets no CORS headers, so the browser keeps its page from reading the answers. Same-origin calls (no Origin
 * header) are untouched. Preflights are answered here, with the survey's latest published version deciding.
 */
@ApplicationScoped
public class SurveyOrigins {

    static final Pattern PUBLIC_SURVEY = Pattern.compile("/v1/public/surveys/([^/]+)(/.*)?");
    static final String ALLOWED_ORIGIN = "hearken.allowedOrigin";

    private final SurveyCatalog catalog;

    public SurveyOrigins(SurveyCatalog catalog) {
        this.catalog = catalog;
    }

    // Before matching: a preflight matches no resource method, and would get the framework's bare OPTIONS answer.
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> checkOrigin(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        Matcher path = PUBLIC_SURVEY.matcher(request.getUriInfo().getPath());
        if (origin == null || !path.matches()) {
            return Uni.createFrom().nullItem();
        }
        return allows(path.group(1), origin).map(allowed -> {
            if (allowed) {
                request.setProperty(ALLOWED_ORIGIN, origin);
            }
            if (!"OPTIONS".equals(request.getMethod())) {
                return null;
            }
            if (!allowed) {
                return Response.status(403).header("Vary", "Origin").build();
            }
            return Response.noContent()
                    .header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", "GET, POST")
                    .header("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key")
                    .header("Access-Control-Expose-Headers", "Idempotent-Replayed, Retry-After")
                    .header("Access-Control-Max-Age", "600")
                    .header("Vary", "Origin")
                    .build();
        });
    }

    @ServerResponseFilter
    public void allowOrigin(ContainerRequestContext request, ContainerResponseContext response) {
        Object origin = request.getProperty(ALLOWED_ORIGIN);
        if (origin != null && !"OPTIONS".equals(request.getMethod())) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "Idempotent-Replayed, Retry-After");
            response.getHeaders().add("Vary", "Origin");
        }
    }

    private Uni<Boolean> allows(String surveyId, String origin) {
        return catalog.find(surveyId)
                .chain(found -> found.filter(survey -> survey.publishedVersion() > 0)
                        .map(survey -> catalog.version(survey.id(), survey.publishedVersion()))
                        .orElseGet(() -> Uni.createFrom().item(Optional.<SurveyVersion>empty())))
                .map(version -> version.map(found -> found.content().settingsOrNone().allowsOrigin(origin))
                        .orElse(false))
                .onFailure().recoverWithItem(false);
    }
}
