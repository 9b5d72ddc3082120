package io.hearken.gateway.pages;

import io.hearken.common.problem.ProblemException;
import io.hearken.gateway.problem.ProblemWriter;
import io.hearken.gateway.routing.ApiHandler;
import io.hearken.gateway.routing.SecurityHeaders;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The respondent's page: what a web link ({@code /respond/<surveyId>}) and an invitation link
 * ({@code /respond/<surveyId>?invitation=<token>}, the form survey-service writes into invitations) open, with no
 * login. It is one static page and its files ({@code /respond/assets/*}); the page itself calls the public API on
 * the same origin, so it needs no CORS and the gateway's limits and credentials apply to it as to any other caller.
 *
 * <p>Why the gateway serves it and not a service: it is the only public door, so the page and the API it calls share
 * an origin (no CORS, no third party). Why no template: the page is the same for every survey; the survey, its
 * language and its logic are the API's answer. Its files are read and gzipped once at start-up (the gateway's HTTP
 * server does not compress), answered gzipped to a browser that takes it, and revalidated by ETag.
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
    private static final List<String> FILES = List.of("respond.js", "logic.js", "languages.js", "texts.js",
            "questions.js", "respond.css", "icon.svg", "widget.js", "widget-app.js", "widget.css");

    private final ProblemWriter problems;
    private final Asset page;
    private final Map<String, Asset> files = new LinkedHashMap<>();

    public RespondentPages(ProblemWriter problems) {
        this.problems = problems;
        this.page = Asset.load(PAGE_FILE, "no-cache");
        // The page names its files without a version, so a browser revalidates them after a short while.
        FILES.forEach(file -> files.put(file, Asset.load(file, "public, max-age=300, must-revalidate")));
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
        Asset asset = files.get(name);
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

    private static void answer(RoutingContext context, Asset asset) {
        HttpServerResponse response = context.response();
        SecurityHeaders.addToPage(response, CONTENT_SECURITY_POLICY);
        response.putHeader("Content-Type", asset.type())
                .putHeader("Cache-Control", asset.cacheControl())
                .putHeader("ETag", asset.etag())
                .putHeader("Vary", "Accept-Encoding");
        if (asset.etag().equals(context.request().getHeader("If-None-Match"))) {
            response.setStatusCode(304).end();
            return;
        }
        if (acceptsGzip(context.request().getHeader("Accept-Encoding"))) {
            response.putHeader("Content-Encoding", "gzip").end(asset.gzipped());
        } else {
            response.end(asset.content());
        }
    }

    /** Whether the browser takes gzip: named in Accept-Encoding and not refused with {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].trim().replace(" ", "");
                    if (parameter.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** One file of the page, as read from the gateway's build: its bytes, gzipped bytes, type and ETag. */
    private record Asset(Buffer content, Buffer gzipped, String type, String etag, String cacheControl) {

        static Asset load(String name, String cacheControl) {
            String resource = "respond/" + name;
            try (InputStream in = RespondentPages.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the gateway's build");
                }
                byte[] bytes = in.readAllBytes();
                return new Asset(Buffer.buffer(bytes), Buffer.buffer(gzip(bytes)), typeOf(name), etag(bytes),
                        cacheControl);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String typeOf(String name) {
            if (name.endsWith(".html")) {
                return "text/html; charset=utf-8";
            }
            if (name.endsWith(".js")) {
                return "text/javascript; charset=utf-8";
            }
            if (name.endsWith(".css")) {
                return "text/css; charset=utf-8";
            }
            if (name.endsWith(".svg")) {
                return "image/svg+xml";
            }
            throw new IllegalArgumentException("no content type known for " + name);
        }

        private static byte[] gzip(byte[] bytes) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream zipped = new GZIPOutputStream(out)) {
                zipped.write(bytes);
            }
            return out.toByteArray();
        }

        private static String etag(byte[] bytes) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                // Weak: the gzipped and the plain answer are the same file, not the same bytes.
                return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
        }
    }
}
