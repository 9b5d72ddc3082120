package io.hearken.gateway.composition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hearken.common.problem.ProblemException;
import io.hearken.gateway.client.Upstream;
import io.hearken.gateway.client.UpstreamRelay;
import io.hearken.gateway.client.UpstreamReply;
import io.hearken.gateway.config.CustomerViewConfig;
import io.hearken.gateway.problem.ProblemWriter;
import io.hearken.gateway.security.CallerIdentity;
import io.hearken.gateway.security.ServiceCredential;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The customer view for frontends ({@code GET /api/v1/customers/{profileId}/360}): one call answering with the
 * profile, what the customer scored (their responses on the profile's timeline), their open cases and their recent
 * responses in full, from three services, each part with its own deadline ({@link CustomerViewConfig}).
 *
 * <p>The parts are read in two rounds, each in parallel. The profile and its scored responses come first, from
 * profile-service: the profile decides whether the customer exists in the caller's tenant (404 otherwise), and the
 * timeline names the customer's responses. insight-service and survey-service know responses, not profiles (a
 * response event carries no profile id; profile-service alone resolves identities, by its trust rules), so the
 * cases and the recent feedback are then looked up by those response ids, together. A part that fails or is late is
 * left out (null) and named in {@code missing} with why, and the answer is still 200; only the profile itself is
 * indispensable: without it the gateway cannot tell the customer exists, and answers the relay's problem (503, 504,
 * 502).
 */
@ApplicationScoped
public class CustomerView {

    /** The route (routing.RouteTable) this answers instead of relaying. */
    public static final String ROUTE = "customer-360";

    static final String PROFILE = "profile";
    static final String SCORES = "scores";
    static final String CASES = "cases";
    static final String FEEDBACK = "feedback";
    /** One page of a customer's cases is enough: they come from at most 100 responses, within insight's 500. */
    private static final int CASE_PAGE = 200;

    private final UpstreamRelay upstreams;
    private final ServiceCredential credentials;
    private final ProblemWriter problems;
    private final CustomerViewConfig config;
    private final ObjectMapper json;

    public CustomerView(UpstreamRelay upstreams, ServiceCredential credentials, ProblemWriter problems,
                        CustomerViewConfig config, ObjectMapper json) {
        this.upstreams = upstreams;
        this.credentials = credentials;
        this.problems = problems;
        this.config = config;
        this.json = json;
    }

    /**
     * Answers the customer view of {@code encodedProfileId} (one path segment, percent-encoded) for an admitted
     * caller.
     */
    public void answer(RoutingContext context, CallerIdentity caller, String encodedProfileId, String requestId) {
        Calls calls = new Calls(caller, requestId);
        String profilePath = "/v1/profiles/" + encodedProfileId;
        Future<UpstreamReply> profile = calls.get(PROFILE, Upstream.PROFILE, profilePath);
        Future<JsonNode> scores = calls.part(SCORES, Upstream.PROFILE, profilePath
                        + "/timeline?type=response.submitted&limit=" + Math.max(1, Math.min(100,
                        config.scoredResponses())))
                .compose(reply -> body(reply, Upstream.PROFILE, "items"));
        profile.onComplete(outcome -> {
            if (outcome.failed()) {
                problems.write(context, asProblem(outcome.cause()));
                return;
            }
            UpstreamReply reply = outcome.result();
            if (reply.status() == 404 || reply.status() == 400) {
                problems.write(context, ProblemException.notFound("Customer", decoded(encodedProfileId)));
                return;
            }
            Optional<String> survivor = survivorOf(reply);
            if (survivor.isPresent()) {
                // A merged profile redirects to the one it became: so does its view.
                context.response().setStatusCode(308)
                        .putHeader("Location", "/api/v1/customers/" + survivor.get() + "/360").end();
                return;
            }
            JsonNode profileBody = reply.isSuccess() ? parse(reply) : null;
            if (profileBody == null) {
                problems.write(context, new ProblemException(502, "upstream-failed", "Bad gateway",
                        "The profile service failed to read the profile (HTTP " + reply.status() + ").", List.of(),
                        null));
                return;
            }
            scores.onComplete(scoresRead -> {
                List<String> responseIds = scoresRead.succeeded() ? responseIds(scoresRead.result()) : List.of();
                Future<JsonNode> cases = scoresRead.failed() ? Future.failedFuture(needsScores())
                        : responseIds.isEmpty() ? Future.succeededFuture(json.createArrayNode())
                        : calls.part(CASES, Upstream.INSIGHT, casesPath(responseIds))
                                .compose(casesReply -> body(casesReply, Upstream.INSIGHT, "items"))
                                .map(CustomerView::unresolved);
                List<String> newest = responseIds.subList(0, Math.min(responseIds.size(),
                        Math.max(1, Math.min(50, config.recentFeedback()))));
                Future<JsonNode> feedback = scoresRead.failed() ? Future.failedFuture(needsScores())
                        : newest.isEmpty() ? Future.succeededFuture(json.createArrayNode())
                        : calls.part(FEEDBACK, Upstream.SURVEY, feedbackPath(newest))
                                .compose(feedbackReply -> body(feedbackReply, Upstream.SURVEY, "items"));
                Future.join(cases, feedback).onComplete(all -> end(context, encodedProfileId, profileBody,
                        List.of(new Part(SCORES, "scores", scores), new Part(CASES, "openCases", cases),
                                new Part(FEEDBACK, "recentFeedback", feedback))));
            });
        });
    }

    /** Writes the view: each part, or null and an entry in {@code missing} saying why it is not there. */
    private void end(RoutingContext context, String encodedProfileId, JsonNode profile, List<Part> parts) {
        if (context.response().ended() || context.response().closed()) {
            return;
        }
        ObjectNode view = json.createObjectNode();
        view.put("profileId", profile.path("id").asText(decoded(encodedProfileId)));
        view.set("profile", profile);
        ArrayNode missing = json.createArrayNode();
        for (Part part : parts) {
            if (part.read().succeeded()) {
                view.set(part.field(), part.read().result());
            } else {
                view.putNull(part.field());
                missing.addObject().put("part", part.name()).put("reason", reason(part.read().cause()));
            }
        }
        view.set("missing", missing);
        try {
            context.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            problems.write(context, new ProblemException(500, "server-error", "Internal server error",
                    "The customer view could not be written.", List.of(), null));
        }
    }

    /** One part of the answer: its name in {@code missing}, its field, and how reading it went. */
    private record Part(String name, String field, Future<JsonNode> read) {
    }

    /** The calls of one view, each signed for its service with the caller's tenant and identity. */
    private final class Calls {
        private final CallerIdentity caller;
        private final String requestId;

        Calls(CallerIdentity caller, String requestId) {
            this.caller = caller;
            this.requestId = requestId;
        }

        Future<UpstreamReply> get(String part, Upstream upstream, String pathAndQuery) {
            String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
                    : pathAndQuery;
            return upstreams.get(upstream, pathAndQuery, credentials.sign(upstream, path, Optional.of(caller)),
                    requestId, deadline(part));
        }

        /** A part the view can do without: its failure becomes the few words {@code missing} gives as reason. */
        Future<UpstreamReply> part(String part, Upstream upstream, String pathAndQuery) {
            return get(part, upstream, pathAndQuery).recover(failure -> Future.failedFuture(
                    new PartMissing(reason(upstream, part, failure))));
        }
    }

    private Duration deadline(String part) {
        return config.partTimeouts().getOrDefault(part, config.partTimeout());
    }

    /** The array at {@code field} of a successful JSON answer (a list's page: items), or a failure naming why not. */
    private Future<JsonNode> body(UpstreamReply reply, Upstream upstream, String field) {
        JsonNode body = reply.isSuccess() ? parse(reply) : null;
        JsonNode items = body == null ? null : body.get(field);
        if (items == null || !items.isArray()) {
            return Future.failedFuture(new PartMissing(upstream.applicationName() + (reply.isSuccess()
                    ? " answered without " + field : " failed (HTTP " + reply.status() + ")")));
        }
        return Future.succeededFuture(items);
    }

    private JsonNode parse(UpstreamReply reply) {
        try {
            return json.readTree(reply.body().toString(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            Log.warnf("Unreadable answer of status %d in the customer view", reply.status());
            return null;
        }
    }

    private static String casesPath(List<String> responseIds) {
        StringBuilder path = new StringBuilder("/v1/cases?limit=" + CASE_PAGE);
        responseIds.forEach(id -> path.append("&responseId=").append(URLEncoder.encode(id, StandardCharsets.UTF_8)));
        return path.toString();
    }

    private static String feedbackPath(List<String> responseIds) {
        StringBuilder path = new StringBuilder("/v1/responses?");
        for (int i = 0; i < responseIds.size(); i++) {
            path.append(i == 0 ? "" : "&").append("id=").append(URLEncoder.encode(responseIds.get(i), StandardCharsets.UTF_8));
        }
        return path.toString();
    }

    /** The distinct response ids of the scored touchpoints, newest first as the timeline lists them. */
    private static List<String> responseIds(JsonNode touchpoints) {
        List<String> ids = new ArrayList<>();
        for (JsonNode touchpoint : touchpoints) {
            String id = touchpoint.path("responseId").asText(null);
            if (id != null && !id.isBlank() && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The cases not resolved yet. */
    private static JsonNode unresolved(JsonNode cases) {
        ArrayNode open = ((ArrayNode) cases).arrayNode();
        cases.forEach(found -> {
            if (!"RESOLVED".equals(found.path("status").asText())) {
                open.add(found);
            }
        });
        return open;
    }

    /** The profile a merged one became, from profile-service's redirect to it. */
    private static Optional<String> survivorOf(UpstreamReply reply) {
        String location = reply.headers().get("Location");
        if (reply.status() < 300 || reply.status() >= 400 || location == null) {
            return Optional.empty();
        }
        String path = URI.create(location).getRawPath();
        String prefix = "/v1/profiles/";
        return path != null && path.startsWith(prefix) && path.length() > prefix.length()
                && path.indexOf('/', prefix.length()) < 0 ? Optional.of(path.substring(prefix.length()))
                : Optional.empty();
    }

    private static ProblemException asProblem(Throwable failure) {
        return failure instanceof ProblemException problem ? problem : ProblemException.unavailable(
                "The profile service cannot be reached. Retry later.", 2);
    }

    private String reason(Upstream upstream, String part, Throwable failure) {
        String service = upstream.applicationName();
        if (failure instanceof ProblemException problem && problem.status() == 504) {
            return service + " did not answer within " + deadline(part).toMillis() + " ms";
        }
        if (failure instanceof ProblemException problem && problem.status() == 503) {
            return service + " unavailable";
        }
        return service + " failed";
    }

    private static PartMissing needsScores() {
        return new PartMissing("needs the customer's responses from profile-service, which are missing");
    }

    /** Why a part is missing, in a few words a frontend can show. */
    private static String reason(Throwable failure) {
        return failure instanceof PartMissing missing ? missing.getMessage() : "failed unexpectedly";
    }

    private static String decoded(String encodedSegment) {
        return URLDecoder.decode(encodedSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A part the service answered but not with what the view needs, or that depends on a missing one. */
    private static final class PartMissing extends RuntimeException {
        PartMissing(String reason) {
            super(reason, null, false, false);
        }
    }
}
