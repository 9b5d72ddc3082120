package io.hearken.chaos;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./hearken bench webhooks} (docs/benchmarks.md, "Webhooks"; issue 17): webhook-service delivering to one
 * partner endpoint, a {@link WebhookReceiver} on 127.0.0.2 that answers at once. Four measurements, in this order:
 * <ol>
 * <li>the ceiling: the receiver alone, fed by a plain JDK client with as many signed posts in flight as
 * webhook-service keeps per endpoint, the most deliveries a second one endpoint could take on this machine now;
 * <li>end to end: responses submitted through the gateway at a steady open-model rate, each timed from its send and
 * from its acknowledgement (202) to its arrival at the receiver; a response that never arrives within the timeout
 * is an error;
 * <li>throughput from a backlog: everything of step 2 redelivered to a second endpoint at once, timed until the last
 * arrives, against the ceiling;
 * <li>the same with the per-endpoint cap raised: webhook-service restarted with
 * {@code HEARKEN_WEBHOOKS_MAX_IN_FLIGHT_PER_ENDPOINT}, the ceiling measured again at that concurrency, then
 * restarted with its configured cap.
 * </ol>
 * Prints a table and writes it to {@code --report}. Options: {@code --gateway URL --keycloak URL --metrics URL
 * (webhook-service's /q/metrics) --launcher PATH --report PATH --rate N --seconds S --warmup S --ceiling-seconds S
 * --timeout S --in-flight N --raised-in-flight N} (0 skips step 4).
 */
public final class WebhookBench {

    private static final Set<String> OPTIONS = Set.of("gateway", "keycloak", "metrics", "launcher", "report", "rate",
            "seconds", "warmup", "ceiling-seconds", "timeout", "in-flight", "raised-in-flight");
    private static final String USER = "alice";
    private static final String PASSWORD = "hearken-demo";
    private static final String DELAY = "hearken_webhook_delivery_delay_seconds";
    private static final String ATTEMPT = "hearken_webhook_attempt_seconds";
    private static final Pattern IN_FLIGHT = Pattern.compile("(?m)^hearken_webhook_in_flight(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern FAILED_ATTEMPTS = Pattern.compile(
            "(?m)^hearken_webhook_attempts_total\\{[^}]*outcome=\"(?:failed|gone)\"[^}]*} (\\S+)$");
    private static final Duration CEILING_WARMUP = Duration.ofSeconds(2);

    private final GatewayClient client;
    private final WebhookReceiver receiver;
    private final Map<String, String> options;
    private final String metricsUrl;
    private final int timeoutSeconds;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> subscriptions = new ArrayList<>();
    // The metrics scrape and the ceiling's own client: HTTP/1.1, as the JDK client otherwise tries an h2c upgrade
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private WebhookBench(GatewayClient client, WebhookReceiver receiver, Map<String, String> options) {
        this.client = client;
        this.receiver = receiver;
        this.options = options;
        this.metricsUrl = options.get("metrics");
        this.timeoutSeconds = number("timeout", 60);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, OPTIONS);
        GatewayClient client = new GatewayClient(options.getOrDefault("gateway", "http://localhost:8080"),
                options.getOrDefault("keycloak", "http://localhost:8180"), Duration.ofSeconds(30));
        int most = Math.max(Integer.parseInt(options.getOrDefault("in-flight", "8")),
                Integer.parseInt(options.getOrDefault("raised-in-flight", "32")));
        // Twice the most a sender keeps in flight: the ceiling's client and a redelivery may overlap a straggler
        try (WebhookReceiver receiver = new WebhookReceiver(2 * most + 4)) {
            new WebhookBench(client, receiver, options).run();
        }
    }

    private void run() throws Exception {
        int inFlight = number("in-flight", 8);
        int raised = number("raised-in-flight", 32);
        List<String> others = client.activeSubscriptionUrls(token());
        if (!others.isEmpty()) {
            notes.add(others.size() + " other active subscription(s) of tenant acme were delivered to meanwhile "
                    + "(they share webhook-service and the cores): " + others);
        }
        String survey = client.createNpsSurvey(token(), "webhook-bench " + run);
        try {
            double ceiling = ceiling(inFlight);
            Instant since = endToEnd(survey);
            backlog(inFlight, since, ceiling);
            if (raised > 0 && options.containsKey("launcher")) {
                raisedCap(raised, since);
            }
        } finally {
            for (String subscription : subscriptions) {
                try {
                    client.deleteSubscription(token(), subscription);
                } catch (IOException failed) {
                    System.out.println("could not delete subscription " + subscription + ": " + failed.getMessage());
                }
            }
            report();
        }
    }

    /** The receiver's own rate: {@code concurrency} signed posts in flight from a plain client, no webhook-service. */
    private double ceiling(int concurrency) throws Exception {
        int seconds = number("ceiling-seconds", 10);
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("/ceiling-" + concurrency);
        progress("ceiling: the receiver alone, %d in flight, %d s (after a %d s warm-up)", concurrency, seconds,
                CEILING_WARMUP.toSeconds());
        // A client of its own each time: connections pooled by an earlier run may have been closed by the receiver
        // as idle since, and a post on one of those fails without reaching it
        HttpClient sender = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        long start = System.nanoTime() + CEILING_WARMUP.toNanos();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        AtomicLong counted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong bodyBytes = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread thread = new Thread(() -> {
                Mac mac = hmac(key);
                long now;
                while ((now = System.nanoTime()) < end) {
                    String body = samplePayload();
                    bodyBytes.set(body.length());
                    try {
                        HttpResponse<Void> answer = sender.send(signed(mac, endpoint.url(), body),
                                HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() != 204) {
                            failed.incrementAndGet();
                        } else if (now >= start && System.nanoTime() < end) {
                            counted.incrementAndGet();
                        }
                    } catch (IOException lost) {
                        failed.incrementAndGet();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "ceiling-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double rate = counted.get() / (double) seconds;
        row(String.format("ceiling: the receiver alone, a plain JDK client, %d in flight, %d s, %d-byte signed body%s",
                concurrency, seconds, bodyBytes.get(), failed.get() == 0 ? "" : "; posts failed: " + failed.get()),
                rate(rate) + " /s", "1");
        progress("%s /s", rate(rate));
        return rate;
    }

    /**
     * Submissions at a steady rate to a subscribed endpoint, each timed to its arrival there; returns the instant
     * before the first measured submission (where the backlog starts).
     */
    private Instant endToEnd(String survey) throws Exception {
        int rate = number("rate", 100);
        int seconds = number("seconds", 30);
        int warmup = number("warmup", 5);
        if (rate < 1 || seconds < 1) {
            throw new IllegalArgumentException("--rate and --seconds must be at least 1");
        }
        WebhookReceiver.Endpoint live = receiver.endpoint("/live");
        subscriptions.add(client.subscribeToCompletedResponses(token(), live.url(), "webhook bench: end to end"));
        double failedBefore = failedAttempts();
        if (warmup > 0) {
            progress("warm-up: %d responses/s for %d s through the gateway", rate, warmup);
            List<Sent> warm = submit(survey, rate, warmup, "w");
            awaitArrivals(live, warm);
            List<Long> warmDelays = new ArrayList<>();
            warm.stream().filter(Sent::acknowledged).forEach(submission -> {
                Long arrived = live.firstArrival(submission.responseId);
                if (arrived != null) {
                    warmDelays.add(arrived - submission.ackedAt);
                }
            });
            // A slow warm-up says webhook-service or its consumer was still starting (e.g. just restarted)
            notes.add(String.format("Warm-up (not counted): %d of %d submissions delivered, acknowledgement → "
                    + "arrival p50 / p95 / p99 / max %s.", warmDelays.size(), warm.size(), millis(warmDelays)));
        }
        Instant since = Instant.now();
        Summary before = summary(DELAY);
        progress("end to end: %d responses/s for %d s through the gateway (open model), then up to %d s for the "
                + "last deliveries", rate, seconds, timeoutSeconds);
        List<Sent> sent = submit(survey, rate, seconds, "m");
        List<Sent> acknowledged = sent.stream().filter(Sent::acknowledged).toList();
        awaitArrivals(live, acknowledged);
        Summary after = summary(DELAY);

        long timeout = Duration.ofSeconds(timeoutSeconds).toNanos();
        List<Long> fromAck = new ArrayList<>();
        List<Long> fromSend = new ArrayList<>();
        List<Long> ackLatency = new ArrayList<>();
        for (Sent submission : acknowledged) {
            ackLatency.add(submission.ackedAt - submission.sentAt);
            Long arrived = live.firstArrival(submission.responseId);
            if (arrived != null && arrived - submission.ackedAt <= timeout) {
                fromAck.add(arrived - submission.ackedAt);
                fromSend.add(arrived - submission.sentAt);
            }
        }
        long undelivered = acknowledged.size() - fromAck.size();
        long firstSent = sent.get(0).sentAt;
        long lastAcked = acknowledged.stream().mapToLong(submission -> submission.ackedAt).max().orElse(firstSent);
        long lateSends = sent.stream().filter(submission -> submission.late > 10_000_000L).count();
        row(String.format("end to end at %d/s for %d s: submitted / acknowledged (202) / delivered within %d s",
                rate, seconds, timeoutSeconds), sent.size() + " / " + acknowledged.size() + " / " + fromAck.size(),
                "");
        row("errors: not acknowledged / acknowledged but not delivered within " + timeoutSeconds + " s",
                (sent.size() - acknowledged.size()) + " / " + undelivered, "");
        // Below the offered rate the platform could not keep up, and the delays below are those of a queue
        row("acknowledged per second (first send to last 202), offered " + rate + "/s",
                rate(acknowledged.size() / ((lastAcked - firstSent) / 1e9)) + " /s", "");
        row("delay acknowledgement → arrival, p50 / p95 / p99 / max", millis(fromAck), "");
        row("delay send → arrival, p50 / p95 / p99 / max", millis(fromSend), "");
        row("acknowledgement latency (send → 202), p50 / p95 / p99 / max", millis(ackLatency), "");
        if (before != null && after != null && after.count > before.count) {
            double mean = (after.sum - before.sum) / (after.count - before.count);
            row("cross-check: webhook-service's hearken.webhook.delivery.delay, p50 / p99 / max (its last ~2 min), "
                    + "mean of this phase", String.format("%.1f / %.1f / %.1f ms, mean %.1f ms", after.p50 * 1e3,
                    after.p99 * 1e3, after.max * 1e3, mean * 1e3), "");
        }
        notes.add(String.format("End to end (warm-up included): %d requests reached the endpoint for %d messages "
                        + "(a message arriving twice is a retry after a failed or slow attempt); attempts "
                        + "webhook-service counted as failed, although the receiver answers 204 to all it reads: "
                        + "%.0f; mean body %d bytes; %d of %d sends left more than 10 ms after their turn (the "
                        + "generator fell behind).", live.requests(), live.messages(), failedAttempts() - failedBefore,
                live.meanBytes(), lateSends, sent.size()));
        return since;
    }

    /** Everything since {@code since} redelivered to a new endpoint at once, timed until the last arrives. */
    private void backlog(int inFlight, Instant since, double ceiling) throws Exception {
        WebhookReceiver.Endpoint endpoint = receiver.endpoint("/backlog-" + inFlight);
        subscriptions.add(client.subscribeToCompletedResponses(token(), endpoint.url(),
                "webhook bench: backlog at " + inFlight + " in flight"));
        progress("backlog: every response since %s redelivered to a second endpoint (max-in-flight-per-endpoint %d)",
                since, inFlight);
        double failedBefore = failedAttempts();
        long asked = System.nanoTime();
        int scheduled = client.redeliverSince(token(), subscriptions.get(subscriptions.size() - 1), since, false);
        long accepted = System.nanoTime();
        double mostInFlight = 0;
        long lastCount = -1;
        long lastProgress = System.nanoTime();
        while (endpoint.messages() < scheduled
                && System.nanoTime() - lastProgress < Duration.ofSeconds(timeoutSeconds).toNanos()) {
            Thread.sleep(500);
            mostInFlight = Math.max(mostInFlight, gauge());
            if (endpoint.messages() != lastCount) {
                lastCount = endpoint.messages();
                lastProgress = System.nanoTime();
            }
        }
        long arrived = endpoint.messages();
        // From asking to the last arrival: what a partner waits for, the scheduling statement included
        double seconds = arrived == 0 ? 0 : (endpoint.lastArrival() - asked) / 1e9;
        double rate = arrived == 0 ? 0 : arrived / seconds;
        Summary attempts = summary(ATTEMPT);
        row(String.format("backlog at max-in-flight-per-endpoint %d: %d of %d scheduled arrived in %.1f s "
                + "(the 202 took %.0f ms)", inFlight, arrived, scheduled, seconds, (accepted - asked) / 1e6),
                rate(rate) + " /s", String.format("%.2f ×", rate / ceiling));
        long[] arrivals = endpoint.arrivals();
        if (arrivals.length >= 10) {
            // Without the ramp-up and the tail: the rate the dispatcher keeps once it is going
            long from = arrivals[arrivals.length / 10];
            long to = arrivals[arrivals.length * 9 / 10 - 1];
            double steady = (arrivals.length * 9 / 10 - 1 - arrivals.length / 10) / ((to - from) / 1e9);
            row(String.format("the same, between its 10th and 90th percentile arrivals (%d in flight)", inFlight),
                    rate(steady) + " /s", String.format("%.2f ×", steady / ceiling));
        }
        String attemptLatency = attempts == null ? "n/a"
                : String.format("%.1f / %.1f ms", attempts.p50 * 1e3, attempts.p99 * 1e3);
        notes.add(String.format("Backlog at %d in flight: webhook-service's in-flight gauge (every endpoint) "
                        + "peaked at %.0f (sampled every 0.5 s), the receiver handled at most %d at once; attempt "
                        + "latency p50 / p99 %s (its last ~2 min); %d requests for %d messages; attempts counted "
                        + "as failed (every endpoint): %.0f.", inFlight, mostInFlight, endpoint.mostOpen(),
                attemptLatency, endpoint.requests(), arrived, failedAttempts() - failedBefore));
        if (arrived < scheduled) {
            notes.add("Backlog at " + inFlight + ": " + (scheduled - arrived) + " scheduled messages had not "
                    + "arrived after " + timeoutSeconds + " s without progress.");
        }
        progress("%s /s", rate(rate));
    }

    /** webhook-service restarted with a raised per-endpoint cap, its ceiling and backlog; then restarted as before. */
    private void raisedCap(int raised, Instant since) throws Exception {
        Path launcher = Path.of(options.get("launcher"));
        progress("restarting webhook-service with HEARKEN_WEBHOOKS_MAX_IN_FLIGHT_PER_ENDPOINT=%d", raised);
        LauncherControl raisedControl = new LauncherControl(launcher,
                Map.of("HEARKEN_WEBHOOKS_MAX_IN_FLIGHT_PER_ENDPOINT", Integer.toString(raised)));
        raisedControl.kill("webhook-service");
        try {
            raisedControl.start("webhook-service");
            double ceiling = ceiling(raised);
            backlog(raised, since, ceiling);
        } finally {
            progress("restarting webhook-service with its configured cap");
            LauncherControl configured = new LauncherControl(launcher, Map.of());
            configured.kill("webhook-service");
            configured.start("webhook-service");
        }
    }

    /** One submission: when it was sent, how late against its turn, and its acknowledgement. */
    private static final class Sent {
        final long sentAt;
        final long late;
        volatile long ackedAt;
        volatile int status;
        volatile String responseId;

        Sent(long sentAt, long late) {
            this.sentAt = sentAt;
            this.late = late;
        }

        boolean acknowledged() {
            return status == 202 && responseId != null;
        }
    }

    /** {@code rate} new responses a second for {@code seconds}, each sent at its turn whatever came back before. */
    private List<Sent> submit(String survey, int rate, int seconds, String phase) {
        long period = 1_000_000_000L / rate;
        int count = rate * seconds;
        List<Sent> sent = new ArrayList<>(count);
        List<CompletableFuture<?>> answers = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            String respondent = "webhook-bench-" + run + "-" + phase + i;
            Sent submission = new Sent(System.nanoTime(), System.nanoTime() - due);
            sent.add(submission);
            answers.add(client.submit(survey, respondent, respondent + "@example.com", i % 11, "web", false)
                    .whenComplete((answer, failure) -> {
                        submission.ackedAt = System.nanoTime();
                        submission.status = failure == null ? answer.statusCode() : -1;
                        submission.responseId = failure == null ? GatewayClient.responseId(answer) : null;
                    }));
        }
        for (CompletableFuture<?> answer : answers) {
            answer.exceptionally(failure -> null).join();
        }
        return sent;
    }

    /** Waits until every acknowledged response arrived, or the timeout passed since the last acknowledgement. */
    private void awaitArrivals(WebhookReceiver.Endpoint endpoint, List<Sent> submissions)
            throws InterruptedException {
        long lastAck = submissions.stream().mapToLong(submission -> submission.ackedAt).max().orElse(0);
        long deadline = lastAck + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (System.nanoTime() < deadline && submissions.stream().filter(Sent::acknowledged)
                .anyMatch(submission -> endpoint.firstArrival(submission.responseId) == null)) {
            Thread.sleep(50);
        }
    }

    /** A payload of the size and shape webhook-service sends for response.completed. */
    private static String samplePayload() {
        String now = Instant.now().toString();
        return """
                {"type":"response.completed","timestamp":"%s","data":{"responseId":"%s","surveyId":"%s",\
                "surveyVersion":1,"channel":"web","language":"en","touchpoint":null,"journeyStage":null,\
                "invitationId":null,"completed":true,"submittedAt":"%s","scores":[{"questionId":"nps","type":"NPS",\
                "score":9,"scaleMin":0,"scaleMax":10}]}}""".formatted(now, UUID.randomUUID(), UUID.randomUUID(), now);
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
        }
    }

    /** A post signed as Standard Webhooks signs one: v1 HMAC-SHA256 over id.timestamp.body. */
    private static HttpRequest signed(Mac mac, String url, String body) {
        String id = "msg_" + UUID.randomUUID();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", "v1," + Base64.getEncoder().encodeToString(signature))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** A Micrometer timer as Prometheus shows it: quantiles over its recent window, count and sum since start. */
    private record Summary(double p50, double p99, double count, double sum, double max) {
    }

    /** The timer {@code name} from webhook-service's metrics, or null without --metrics or when unreadable. */
    private Summary summary(String name) {
        String text = metrics();
        if (text == null) {
            return null;
        }
        return new Summary(value(text, name + "\\{quantile=\"0.5\"[^}]*}"),
                value(text, name + "\\{quantile=\"0.99\"[^}]*}"), value(text, name + "_count"),
                value(text, name + "_sum"), value(text, name + "_max"));
    }

    /** Attempts webhook-service counted as failed or gone since it started (0 without --metrics). */
    private double failedAttempts() {
        String text = metrics();
        double failed = 0;
        Matcher matcher = text == null ? null : FAILED_ATTEMPTS.matcher(text);
        while (matcher != null && matcher.find()) {
            failed += Double.parseDouble(matcher.group(1));
        }
        return failed;
    }

    private double gauge() {
        String text = metrics();
        Matcher matcher = text == null ? null : IN_FLIGHT.matcher(text);
        return matcher != null && matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private String metrics() {
        if (metricsUrl == null) {
            return null;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metricsUrl))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException unreadable) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    private String token() throws IOException, InterruptedException {
        // A fresh token for each call: the whole run can outlast one
        return client.token(USER, PASSWORD);
    }

    private int number(String option, int otherwise) {
        return Integer.parseInt(options.getOrDefault(option, Integer.toString(otherwise)));
    }

    private void row(String figure, String value, String ratio) {
        rows.add(new String[] {figure, value, ratio});
    }

    private static void progress(String format, Object... arguments) {
        System.out.println("  " + String.format(format, arguments));
    }

    /** p50 / p95 / p99 / max of nanosecond durations, in milliseconds (nearest rank). */
    private static String millis(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "none";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return String.format("%.1f / %.1f / %.1f / %.1f ms", percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.95) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static long percentile(long[] sorted, double quantile) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1))];
    }

    private static String rate(double perSecond) {
        return String.format("%,.0f", perSecond);
    }

    private void report() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format("## Webhooks bench, %s, %d cores%n%n", Instant.now(),
                Runtime.getRuntime().availableProcessors()));
        table.append("| figure | value | against the ceiling |\n|---|---|---|\n");
        for (String[] row : rows) {
            table.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2])
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            table.append('\n');
            notes.forEach(note -> table.append("- ").append(note).append('\n'));
        }
        System.out.println();
        System.out.print(table);
        String report = options.get("report");
        if (report != null) {
            Path path = Path.of(report);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, table);
            System.out.println("\n(written to " + path + ")");
        }
    }
}
