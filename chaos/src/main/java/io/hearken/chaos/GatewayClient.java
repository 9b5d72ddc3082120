package io.hearken.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the fault run needs of Hearken's public API, through the gateway only, as a real client would use it. */
public final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");

    private final String gatewayUrl;
    private final String keycloakUrl;
    private final Duration requestTimeout;
    private final HttpClient http;

    public GatewayClient(String gatewayUrl, String keycloakUrl, Duration requestTimeout) {
        this.gatewayUrl = gatewayUrl;
        this.keycloakUrl = keycloakUrl;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    public String gatewayUrl() {
        return gatewayUrl;
    }

    /** A demo user's access token (password grant on the public client). */
    public String token(String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=hearken-web&username=" + encode(user) + "&password="
                + encode(password);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/hearken/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "token for " + user);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    public String createNpsSurvey(String token, String name) throws IOException, InterruptedException {
        String body = """
                {"name": "%s", "title": {"en": "%s", "ja": "%s", "zh": "%s"}, "defaultLanguage": "en",
                 "languages": ["en", "ja", "zh"], "publish": true,
                 "questions": [{"id": "nps", "type": "NPS", "required": true,
                                "text": {"en": "How likely are you to recommend us?", "ja": "当社を薦めますか?",
                                         "zh": "您会推荐我们吗?"}},
                               {"id": "reason", "type": "TEXT", "required": false, "text": {"en": "Why?"}}]}
                """.formatted(name, name, name, name);
        HttpResponse<String> response = http.send(authorized(token, "/api/v1/surveys")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 201, "create survey " + name);
        return JSON.readTree(response.body()).get("id").asText();
    }

    /**
     * Submits one response, or with {@code partial} its saved progress (the reason only, not yet the required
     * score); completes with the answer, or exceptionally when no answer came in time.
     */
    public CompletableFuture<HttpResponse<String>> submit(String surveyId, String idempotencyKey, String email,
                                                          int score, String channel, boolean partial) {
        String body = partial ? """
                {"channel": "%s", "language": "en", "respondent": {"email": "%s"}, "complete": false,
                 "answers": {"reason": "load"}}""".formatted(channel, email) : """
                {"channel": "%s", "language": "en", "respondent": {"email": "%s"},
                 "answers": {"nps": %d, "reason": "load"}}""".formatted(channel, email, score);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(gatewayUrl + "/api/v1/public/surveys/" + surveyId + "/responses"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header("X-Forwarded-For", addressOf(email))
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Response ids survey-service has stored complete for a survey, with repeats if it stored any twice (saved
     * progress that was never completed is not a response yet).
     */
    public List<String> storedResponseIds(String token, String surveyId) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        everyItem(token, "/api/v1/surveys/" + surveyId + "/responses?limit=500", "responses of " + surveyId, node -> {
            if (node.path("completed").asBoolean(true)) {
                ids.add(node.get("responseId").asText());
            }
        });
        return ids;
    }

    /** Invites customers to a survey by email (one part of at most 5000). */
    public void invite(String token, String surveyId, List<String> emails) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder("{\"channel\": \"email\", \"recipients\": [");
        for (int i = 0; i < emails.size(); i++) {
            // One customer per address: the contact check caps invitations per customer, so ids never repeat.
            body.append(i == 0 ? "" : ",").append("{\"customerId\": \"chaos-").append(emails.get(i))
                    .append("\", \"email\": \"").append(emails.get(i)).append("\"}");
        }
        HttpResponse<String> response = http.send(authorized(token, "/api/v1/surveys/" + surveyId
                        + "/invitations/batch").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 202, "invite to " + surveyId);
    }

    /** Answers an invitation (its link's token) with an NPS score. */
    public CompletableFuture<HttpResponse<String>> submitInvited(String surveyId, String invitation, int score) {
        String body = """
                {"channel": "web", "invitation": "%s", "answers": {"nps": %d}}""".formatted(invitation, score);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(gatewayUrl + "/api/v1/public/surveys/" + surveyId + "/responses"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", addressOf(invitation))
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The address a simulated respondent answers from, always the same for one respondent: the load stands for many
     * people behind a load balancer on this machine (a proxy the gateway trusts), not for one address posting
     * hundreds a minute, which the gateway's per-address limit exists to stop. In 198.18.0.0/15, the range kept for
     * benchmarks.
     */
    static String addressOf(String respondent) {
        int hash = respondent.hashCode() & 0x1ffff;
        return "198." + (18 + (hash >> 16)) + "." + ((hash >> 8) & 0xff) + "." + (hash & 0xff);
    }

    /** The invitation ids of the complete responses survey-service stored for a survey, with repeats. */
    public List<String> storedInvitationIds(String token, String surveyId) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        everyItem(token, "/api/v1/surveys/" + surveyId + "/responses?limit=500&completed=true",
                "responses of " + surveyId, node -> {
                    if (!node.path("invitationId").isNull() && !node.path("invitationId").isMissingNode()) {
                        ids.add(node.get("invitationId").asText());
                    }
                });
        return ids;
    }

    /** A rule raising an alert and a follow-up case for every detractor response to {@code surveyId}; its id. */
    public String createDetractorRule(String token, String name, String surveyId)
            throws IOException, InterruptedException {
        String body = """
                {"name": "%s", "type": "DETRACTOR", "priority": "HIGH", "surveyId": "%s", "enabled": true}
                """.formatted(name, surveyId);
        HttpResponse<String> response = http.send(authorized(token, "/api/v1/alert-rules")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 201, "create alert rule " + name);
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** Subscribes {@code url} to the tenant's completed responses; the subscription's id. */
    public String subscribeToCompletedResponses(String token, String url) throws IOException, InterruptedException {
        return subscribeToCompletedResponses(token, url, "chaos receiver");
    }

    /** The same, described as {@code description} in the tenant's list of subscriptions. */
    public String subscribeToCompletedResponses(String token, String url, String description)
            throws IOException, InterruptedException {
        String body = """
                {"url": "%s", "eventTypes": ["response.completed"], "description": "%s"}
                """.formatted(url, description);
        HttpResponse<String> response = http.send(authorized(token, "/api/v1/webhooks/subscriptions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 201, "subscribe " + url);
        return JSON.readTree(response.body()).get("id").asText();
    }

    /**
     * Schedules again every message of the subscription's types stored since {@code since} (with {@code onlyFailed}
     * only those that never succeeded); how many were scheduled.
     */
    public int redeliverSince(String token, String subscriptionId, Instant since, boolean onlyFailed)
            throws IOException, InterruptedException {
        String body = """
                {"since": "%s", "onlyFailed": %b}""".formatted(since, onlyFailed);
        HttpResponse<String> response = http.send(authorized(token, "/api/v1/webhooks/subscriptions/"
                        + subscriptionId + "/redeliver").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 202, "redeliver to " + subscriptionId + " since " + since);
        return JSON.readTree(response.body()).get("scheduled").asInt();
    }

    /** The URLs of the tenant's active subscriptions (those the caller may manage). */
    public List<String> activeSubscriptionUrls(String token) throws IOException, InterruptedException {
        List<String> urls = new ArrayList<>();
        everyItem(token, "/api/v1/webhooks/subscriptions?limit=500", "subscriptions", node -> {
            if ("active".equalsIgnoreCase(node.path("status").asText())) {
                urls.add(node.path("url").asText());
            }
        });
        return urls;
    }

    /** Deletes a subscription with its schedule and delivery log. */
    public void deleteSubscription(String token, String subscriptionId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized(token, "/api/v1/webhooks/subscriptions/"
                + subscriptionId).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 204, "delete subscription " + subscriptionId);
    }

    /** insight-service's NPS counts: promoters, passives, detractors, total, and the score. */
    public JsonNode nps(String token, String surveyId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized(token, "/api/v1/surveys/" + surveyId + "/nps")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "NPS of " + surveyId);
        return JSON.readTree(response.body());
    }

    /**
     * Response ids on a customer's whole timeline, page by page (empty when profile-service has no profile for the
     * email).
     */
    public List<String> timelineResponseIds(String token, String email) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized(token, "/api/v1/profiles?email=" + encode(email))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> ids = new ArrayList<>();
        if (response.statusCode() == 404) {
            return ids;
        }
        expect(response, 200, "profile of " + email);
        String profileId = JSON.readTree(response.body()).get("id").asText();
        everyItem(token, "/api/v1/profiles/" + profileId + "/timeline?limit=500", "timeline of " + email, node -> {
            if (node.hasNonNull("responseId")) {
                ids.add(node.get("responseId").asText());
            }
        });
        return ids;
    }

    static String responseId(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).get("id").asText();
        } catch (IOException | NullPointerException e) {
            return null;
        }
    }

    /**
     * Every item of a list, page by page: each page's {@code Link: rel="next"} names the next one under the
     * gateway's public path, as any client following links would read it. A page that says it has a next page in
     * its body but not in the header is a broken contract, not the end.
     */
    private void everyItem(String token, String firstPage, String what, Consumer<JsonNode> item)
            throws IOException, InterruptedException {
        String page = firstPage;
        while (page != null) {
            HttpResponse<String> response = http.send(authorized(token, page).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            expect(response, 200, what);
            JsonNode body = JSON.readTree(response.body());
            body.get("items").forEach(item);
            page = response.headers().firstValue("Link").map(GatewayClient::nextPage).orElse(null);
            if ((page == null) != !body.hasNonNull("next")) {
                throw new IOException(what + ": the page's next and its Link header disagree");
            }
        }
    }

    /** The path of a Link header's rel="next" target (the gateway names it by its public path). */
    static String nextPage(String link) {
        Matcher next = NEXT_LINK.matcher(link);
        if (!next.find()) {
            return null;
        }
        URI target = URI.create(next.group(1));
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    private HttpRequest.Builder authorized(String token, String path) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", "Bearer " + token)
                .timeout(requestTimeout);
    }

    private static void expect(HttpResponse<String> response, int status, String what) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
