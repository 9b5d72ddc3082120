package io.hearken.gateway.pages;

import io.hearken.common.problem.ProblemException;
import io.hearken.gateway.problem.ProblemWriter;
import io.hearken.gateway.routing.ApiHandler;
import io.hearken.gateway.routing.SecurityHeaders;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The respondent's page: what a web link ({@code /respond/<surveyId>}) and an invitation link
 * ({@code /respond/<surveyId>?invitation=<token>}, the form survey-service writes into invitations) open, with no
 * login. It is one static page and its files ({@code /respond/assets/*}); the page itself calls the public API on
 * the same origin, so it needs no CORS and the gateway's limits and credentials apply to it as to any other caller.
 *
 * <p>Why the gateway serves it and not a service: it is the only public door, so the page and the API it calls share
 * an origin (no CORS, no third party). Why no template: the page is the same for every survey; the survey, its
 * language and its logic are the API's answer. Its files are {@link StaticAsset}s: gzipped once at start-up and
 * revalidated by ETag.
 *
 * <p>The same files make the embeddable widget ({@code widget.js}: one script tag on a customer's site, shown in a
 * shadow root by {@code widget-app.js} with the page's own controls), so they are served to any origin.
 */
@ApplicationScoped
public class RespondentPages {

    public static final String PAGE_PREFIX = "/respond";
    public static final String ASSETS = PAGE_PREFIX + "/assets";
    /**
     * Only the page's own files: scripts, styles, images and API calls from this origin, no inline script or style,
     * no plugin, no form posted elsewhere, never framed (a survey in a frame could be overlaid to trick a click).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** A survey id as survey-service makes them (UUIDs) and accepts them; anything else is no page. */
    private static final Pattern SURVEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String PAGE_FILE = "index.html";
    /** The page's files, by name under {@link #ASSETS}. */
    private static final List<String> FILES = List.of("respond.js", "http.js", "logic.js", "languages.js",
            "texts.js", "questions.js", "respond.css", "icon.svg", "widget.js", "widget-app.js", "widget.css");

    private final ProblemWriter problems;
    private final StaticAsset page;
    private final Map<String, StaticAsset> files = new LinkedHashMap<>();

    public RespondentPages(ProblemWriter problems) {
        this.problems = problems;
        this.page = StaticAsset.load("respond/" + PAGE_FILE, "no-cache");
        // The page names its files without a version, so a browser revalidates them after a short while.
        FILES.forEach(file -> files.put(file, StaticAsset.load("respond/" + file,
                "public, max-age=300, must-revalidate")));
    }

    void register(@Observes Router router) {
        router.get(ASSETS + "/:file").handler(context -> file(context, context.pathParam("file")));
        router.head(ASSETS + "/:file").handler(context -> file(context, context.pathParam("file")));
        router.get(PAGE_PREFIX + "/:surveyId").handler(this::page);
        router.head(PAGE_PREFIX + "/:surveyId").handler(this::page);
    }

    /** The names of the page's files, for documentation and tests. */
    public static List<String> files() {
        return FILES;
    }

    private void page(RoutingContext context) {
        // One series of request metrics for every survey's page, never one per survey id
        Vertx.currentContext().putLocal(ApiHandler.METRICS_TEMPLATE, PAGE_PREFIX + "/{surveyId}");
        if (!SURVEY_ID.matcher(context.pathParam("surveyId")).matches()) {
            notFound(context);
            return;
        }
        answer(context, page);
    }

    private void file(RoutingContext context, String name) {
        Vertx.currentContext().putLocal(ApiHandler.METRICS_TEMPLATE, ASSETS + "/{file}");
        StaticAsset asset = files.get(name);
        if (asset == null) {
            notFound(context);
            return;
        }
        // The widget runs on customers' sites and imports these modules from there: a module from another origin
        // loads only with CORS. They are the same public files for everyone, read without credentials.
        context.response().putHeader("Access-Control-Allow-Origin", "*");
        answer(context, asset);
    }

    private void notFound(RoutingContext context) {
        SecurityHeaders.addToPage(context.response(), CONTENT_SECURITY_POLICY);
        context.response().putHeader("Cache-Control", "no-store");
        problems.write(context, new ProblemException(404, "not-found", "Not found", "No page at "
                + context.request().path(), List.of(), null));
    }

    private static void answer(RoutingContext context, StaticAsset asset) {
        asset.answer(context, CONTENT_SECURITY_POLICY);
    }
}
