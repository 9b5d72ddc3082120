package io.hearken.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.security.GatewayCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Submit-to-visible freshness under load: one tagged submission a second through the gateway (a survey and a
 * customer of its own), each timed from its send until insight-service's score API counts it and until the
 * customer's profile-service timeline holds it. Both are read straight from the services with the credential the
 * gateway would sign for the tenant, every {@link #POLL} while a probe is outstanding.
 *
 * <p>The score API answers a count, not which responses it holds: the n-th probe counted is taken as the n-th sent.
 * Probes leave a second apart and are visible well within that when consumers keep up, so the order holds; when it
 * does not, the latencies are still the right multiset of "a probe became visible" times.
 */
final class FreshnessProbes implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String gateway;
    private final String survey;
    private final String insightApi;
    private final String profileApi;
    private final String tenant;
    private final String run;
    private final Duration deadline;
    private final List<Probe> probes = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

    FreshnessProbes(HttpClient http, String gateway, String survey, String insightApi, String profileApi,
                    String tenant, String run, Duration deadline) {
        this.http = http;
        this.gateway = gateway;
        this.survey = survey;
        this.insightApi = insightApi;
        this.profileApi = profileApi;
        this.tenant = tenant;
        this.run = run;
        this.deadline = deadline;
    }

    /** One probe a second from now on, and the poller. */
    void start() {
        sender.scheduleAtFixedRate(this::send, 0, 1, TimeUnit.SECONDS);
        poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops sending probes, then waits until every probe sent is visible (or past its deadline). */
    void finish() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(30, TimeUnit.SECONDS);
        long end = System.nanoTime() + deadline.toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (probes.stream().anyMatch(probe -> probe.outstanding(System.nanoTime(), deadline))
                && System.nanoTime() < end) {
            Thread.sleep(50);
        }
    }

    private void send() {
        Probe probe = new Probe("probe-" + run + "-" + probes.size() + "@example.com", System.nanoTime());
        probes.add(probe);
        String body = """
                {"channel": "web", "language": "en", "respondent": {"email": "%s"},
                 "answers": {"nps": 10, "reason": "freshness probe"}}""".formatted(probe.email);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/public/surveys/" + survey
                        + "/responses"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", GatewayClient.addressOf(probe.email))
                .timeout(deadline)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() == 202) {
                probe.responseId = GatewayClient.responseId(response);
                probe.acceptedAt = System.nanoTime();
            } else {
                probe.failure = failure != null ? OpenModelLoad.failureKind(failure)
                        : "http-" + response.statusCode();
            }
        });
    }

    private void poll() {
        try {
            long now = System.nanoTime();
            if (probes.stream().anyMatch(probe -> probe.scoreVisibleAt == 0 && probe.failure == null
                    && now - probe.sentAt < deadline.toNanos())) {
                pollScores();
            }
            for (Probe probe : probes) {
                if (probe.responseId != null && probe.timelineVisibleAt == 0
                        && System.nanoTime() - probe.sentAt < deadline.toNanos()) {
                    pollTimeline(probe);
                }
            }
        } catch (IOException failed) {
            // A read that failed is tried again at the next poll; a probe never seen is reported as not visible
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void pollScores() throws IOException, InterruptedException {
        long counted;
        try {
            counted = InsightBench.total(insightApi, tenant, survey);
        } catch (IOException | InterruptedException failure) {
            throw failure;
        } catch (Exception other) {
            throw new IOException(other);
        }
        long now = System.nanoTime();
        long visible = probes.stream().filter(probe -> probe.scoreVisibleAt != 0).count();
        for (Probe probe : probes) {
            if (visible >= counted) {
                break;
            }
            if (probe.scoreVisibleAt == 0 && probe.failure == null) {
                probe.scoreVisibleAt = now;
                visible++;
            }
        }
    }

    /** The customer's profile (it exists once the timeline consumer recorded the response), then its timeline. */
    private void pollTimeline(Probe probe) throws IOException, InterruptedException {
        if (probe.profileId == null) {
            HttpResponse<String> found = read("/v1/profiles/lookup?email="
                    + URLEncoder.encode(probe.email, StandardCharsets.UTF_8));
            if (found.statusCode() != 200) {
                return;
            }
            probe.profileId = JSON.readTree(found.body()).path("id").asText(null);
            if (probe.profileId == null) {
                return;
            }
        }
        HttpResponse<String> timeline = read("/v1/profiles/" + probe.profileId + "/timeline?limit=20");
        if (timeline.statusCode() != 200) {
            return;
        }
        for (JsonNode item : JSON.readTree(timeline.body()).path("items")) {
            if (probe.responseId.equals(item.path("responseId").asText())) {
                probe.timelineVisibleAt = System.nanoTime();
                return;
            }
        }
    }

    private HttpResponse<String> read(String path) throws IOException, InterruptedException {
        String credential = SignCredential.credentials(Duration.ofSeconds(60))
                .signForCaller("profile-service", tenant, "admin:bench");
        return http.send(HttpRequest.newBuilder(URI.create(profileApi + path))
                .header(GatewayCredentials.HEADER, credential).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What the probes saw: latencies in milliseconds from send to visible, and what never became visible. */
    Result result() {
        List<Double> scores = new ArrayList<>();
        List<Double> timelines = new ArrayList<>();
        List<Double> acknowledgements = new ArrayList<>();
        int failed = 0;
        for (Probe probe : probes) {
            if (probe.failure != null) {
                failed++;
                continue;
            }
            if (probe.acceptedAt != 0) {
                acknowledgements.add((probe.acceptedAt - probe.sentAt) / 1e6);
            }
            if (probe.scoreVisibleAt != 0) {
                scores.add((probe.scoreVisibleAt - probe.sentAt) / 1e6);
            }
            if (probe.timelineVisibleAt != 0) {
                timelines.add((probe.timelineVisibleAt - probe.sentAt) / 1e6);
            }
        }
        int sent = probes.size();
        return new Result(sent, failed, acknowledgements, scores, sent - failed - scores.size(), timelines,
                sent - failed - timelines.size());
    }

    @Override
    public void close() {
        sender.shutdownNow();
        poller.shutdownNow();
    }

    /** Probes sent, not accepted (not 202), and per view the latencies and how many were not visible in time. */
    record Result(int sent, int failed, List<Double> acknowledgements, List<Double> scores, int scoresMissing,
                  List<Double> timelines, int timelinesMissing) {

        /** The value at {@code quantile} (0–1) of a list of latencies, nearest rank; 0 for none. */
        static double percentile(List<Double> values, double quantile) {
            if (values.isEmpty()) {
                return 0;
            }
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(Double::compare);
            int rank = (int) Math.ceil(quantile * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }
    }

    private static final class Probe {
        final String email;
        final long sentAt;
        volatile long acceptedAt;
        volatile String responseId;
        volatile String failure;
        volatile String profileId;
        volatile long scoreVisibleAt;
        volatile long timelineVisibleAt;

        Probe(String email, long sentAt) {
            this.email = email;
            this.sentAt = sentAt;
        }

        boolean outstanding(long now, Duration deadline) {
            return failure == null && now - sentAt < deadline.toNanos()
                    && (scoreVisibleAt == 0 || timelineVisibleAt == 0);
        }
    }
}
