package io.hearken.gateway.routing;

import io.hearken.gateway.client.Upstream;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gateway's API and its authorization rules in one place. The first matching route wins; a request that
 * matches none is 404. Paths are given without the {@code /api} prefix, which the gateway strips, and are matched
 * against the normalised, decoded path ({@link RequestPath}), never the raw one.
 *
 * <pre>
 * role      may
 * admin     create and read surveys, read scores and profiles, change profiles (traits, identities, merges,
 *           consent, segments, import, erasure), take in and read feedback, define alert rules, read alerts and
 *           work follow-up cases, see and redrive its tenant's dead letters, manage its tenant's webhook
 *           subscriptions and inbound sources, follow live updates
 * analyst   read surveys, scores, profiles (and the customer view), feedback, alert rules, alerts and cases;
 *           follow live updates
 * agent     read profiles (and the customer view), alerts and cases, follow live updates, work cases (assign,
 *           note, resolve) and record a customer's consent (to close the loop with a customer)
 * partner   take in feedback (reviews, posts, tickets), customers and their touchpoints (purchases, tickets);
 *           its webhook subscriptions and inbound sources (read and write)
 * anyone    read an active survey, submit a response, upload a kiosk batch, open an invitation link, (signed
 *           by the SMS provider, checked by survey-service) post SMS replies, and (signed with the inbound
 *           source's secret per Standard Webhooks, checked by webhook-service) post to an inbound source
 * </pre>
 */
public final class RouteTable {

    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> WRITE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String SEGMENT = "[^/]+";
    private static final String ANY_BELOW = "(/.*)?";

    private static final List<ApiRoute> ROUTES = List.of(
            // Preflights of a survey's public routes are routed by the method they ask about (CrossOrigin) and
            // answered by survey-service with the survey's own origins.
            route("public-survey", Set.of("GET"), "/v1/public/surveys", "/" + SEGMENT, Upstream.SURVEY),
            route("submit-response", Set.of("POST"), "/v1/public/surveys", "/" + SEGMENT + "/responses",
                    Upstream.SURVEY),
            route("resume-progress", Set.of("GET"), "/v1/public/surveys", "/" + SEGMENT + "/responses/progress",
                    Upstream.SURVEY),
            route("submit-batch", Set.of("POST"), "/v1/public/surveys", "/" + SEGMENT + "/responses/batch",
                    Upstream.SURVEY),
            route("open-invitation", Set.of("GET"), "/v1/public/invitations", "/" + SEGMENT, Upstream.SURVEY),
            route("sms-inbound", Set.of("POST"), "/v1/public/sms/inbound", "", Upstream.SURVEY),
            // A partner's system posting to one inbound source; no login, so webhook-service checks the request's
            // Standard Webhooks signature with that source's secret, and the hop's credential opens only that source.
            route("inbound-webhook", Set.of("POST"), "/v1/public/inbound", "/" + SEGMENT, Upstream.WEBHOOK),
            route("invitations-batch", Set.of("POST"), "/v1/surveys", "/" + SEGMENT + "/invitations/batch",
                    Upstream.SURVEY, "admin"),
            route("survey-nps", READ, "/v1/surveys", "/" + SEGMENT + "/nps", Upstream.INSIGHT, "admin", "analyst"),
            route("survey-scores", READ, "/v1/surveys", "/" + SEGMENT + "/scores", Upstream.INSIGHT, "admin",
                    "analyst"),
            route("survey-trend", READ, "/v1/surveys", "/" + SEGMENT + "/trend", Upstream.INSIGHT, "admin",
                    "analyst"),
            route("survey-breakdown", READ, "/v1/surveys", "/" + SEGMENT + "/breakdown", Upstream.INSIGHT, "admin",
                    "analyst"),
            route("survey-topics", READ, "/v1/surveys", "/" + SEGMENT + "/topics", Upstream.INSIGHT, "admin",
                    "analyst"),
            route("insights-read", READ, "/v1/insights", ANY_BELOW, Upstream.INSIGHT, "admin", "analyst"),
            route("text-analysis", Set.of("POST"), "/v1/insights", "/text-analysis", Upstream.INSIGHT, "admin",
                    "analyst"),
            route("survey-write", WRITE, "/v1/surveys", ANY_BELOW, Upstream.SURVEY, "admin"),
            route("survey-read", READ, "/v1/surveys", ANY_BELOW, Upstream.SURVEY, "admin", "analyst"),
            route("feedback-ingest", Set.of("POST"), "/v1/feedback", "", Upstream.SURVEY, "admin", "partner"),
            route("feedback-batch", Set.of("POST"), "/v1/feedback", "/batch", Upstream.SURVEY, "admin", "partner"),
            route("feedback-read", READ, "/v1/feedback", ANY_BELOW, Upstream.SURVEY, "admin", "analyst"),
            route("profile-ingest", Set.of("POST"), "/v1/profiles", "(/events)?", Upstream.PROFILE, "admin",
                    "partner"),
            route("profile-consent", Set.of("POST"), "/v1/profiles", "/" + SEGMENT + "/consent", Upstream.PROFILE,
                    "admin", "agent"),
            route("profile-write", WRITE, "/v1/profiles", ANY_BELOW, Upstream.PROFILE, "admin"),
            route("profile-read", READ, "/v1/profiles", ANY_BELOW, Upstream.PROFILE, "admin", "analyst", "agent"),
            // Answered by the gateway itself from profile-, insight- and survey-service (composition.CustomerView);
            // readable by whoever may read the profile.
            route("customer-360", READ, "/v1/customers", "/" + SEGMENT + "/360", Upstream.PROFILE, "admin",
                    "analyst", "agent"),
            // Server-sent events of what changes for the tenant (insight-service): the console's dashboard and case
            // inbox; they name what changed, never what a customer said.
            route("live", Set.of("GET"), "/v1/live", "", Upstream.INSIGHT, "admin", "analyst", "agent"),
            route("alert-rules-read", READ, "/v1/alert-rules", ANY_BELOW, Upstream.INSIGHT, "admin", "analyst"),
            route("alert-rules-write", Set.of("POST", "PUT", "DELETE"), "/v1/alert-rules", ANY_BELOW,
                    Upstream.INSIGHT, "admin"),
            route("alerts-read", READ, "/v1/alerts", ANY_BELOW, Upstream.INSIGHT, "admin", "analyst", "agent"),
            route("cases-read", READ, "/v1/cases", ANY_BELOW, Upstream.INSIGHT, "admin", "analyst", "agent"),
            route("cases-write", Set.of("POST"), "/v1/cases", "/" + SEGMENT + "/(assign|notes|resolve)",
                    Upstream.INSIGHT, "admin", "agent"),
            // Subscriptions, their deliveries and secrets, the event types and the inbound sources: webhook-service
            // shows a partner only what it owns and an admin the whole tenant's.
            route("webhooks-read", READ, "/v1/webhooks", ANY_BELOW, Upstream.WEBHOOK, "admin", "partner"),
            route("webhooks-write", WRITE, "/v1/webhooks", ANY_BELOW, Upstream.WEBHOOK, "admin", "partner"),
            route("dead-letters-read", READ, "/v1/admin/dead-letters", "", Upstream.SURVEY, "admin"),
            route("dead-letters-redrive", Set.of("POST"), "/v1/admin/dead-letters", "/redrive", Upstream.SURVEY,
                    "admin"));

    private RouteTable() {
    }

    /** Every route, in matching order. */
    public static List<ApiRoute> all() {
        return ROUTES;
    }

    public static Optional<ApiRoute> find(String method, String path) {
        return ROUTES.stream().filter(route -> route.matches(method, path)).findFirst();
    }

    /** Whether any route has this path, for telling 405 from 404. */
    public static boolean knowsPath(String path) {
        return ROUTES.stream().anyMatch(route -> route.path().matcher(path).matches());
    }

    /** A route whose paths are {@code prefix} (literal) followed by what {@code rest} (a pattern) matches. */
    private static ApiRoute route(String name, Set<String> methods, String prefix, String rest, Upstream upstream,
                                  String... rolesAllowed) {
        return new ApiRoute(name, methods, prefix, Pattern.compile(Pattern.quote(prefix) + rest), upstream,
                Set.of(rolesAllowed));
    }
}
