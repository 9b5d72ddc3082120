package io.hearken.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./hearken bench sustained} (docs/benchmarks.md, "Throughput by stage"; issue 19): public submissions through
 * the gateway at a steady open-model rate for minutes, with every consumer of {@code hearken.responses} running.
 * In this order:
 * <ol>
 * <li>the ceiling: bare appends to a scratch topic with the services' producer settings ({@link BenchKafka#bareAppend});
 * <li>without {@code --rate}: the closed-loop maximum through the gateway ({@code --calibrate-connections} requests
 * in flight, each sent when the previous answered, for {@code --calibrate-seconds} after 5 s of warm-up), and the
 * rate taken as 80 % of it;
 * <li>a wait until every consumer group's lag is below a second's worth of that rate (at most {@code --drain} s), so
 * the run starts from consumers that are not still working off an earlier backlog;
 * <li>the run: {@code --warmup} s not counted, then {@code --minutes}, at the rate on a fixed schedule
 * ({@link OpenModelLoad}: latency from each request's intended send time, at most {@code --max-in-flight}
 * outstanding); every {@code --interval} s the rate achieved, latency percentiles and errors by kind, and the lag of
 * each consumer group on {@code hearken.responses} ({@link ConsumerLag}); a freshness probe every second
 * ({@link FreshnessProbes});
 * <li>the summary: rate achieved against the offered rate and the ceiling, latency, per-group lag at start, middle
 * and end with its slope ({@link LagTrend}), freshness p50/p99 of scores and timelines.
 * </ol>
 * Options: {@code --gateway URL --keycloak URL --kafka HOST:PORT --insight URL --profile URL} (the services' API
 * ports, read with a signed credential; the key from {@code HEARKEN_CREDENTIAL_KEY}) {@code --rate N --minutes M
 * --warmup S --interval S --max-in-flight N --timeout S --calibrate-seconds S --calibrate-connections N --drain S
 * --ceiling-seconds S}.
 */
public final class SustainedBench {

    private static final Set<String> OPTIONS = Set.of("gateway", "keycloak", "kafka", "insight", "profile", "rate",
            "minutes", "warmup", "interval", "max-in-flight", "timeout", "calibrate-seconds",
            "calibrate-connections", "drain", "ceiling-seconds");
    /** The share of the closed-loop maximum offered when no --rate is given (issue 19: 80 %). */
    static final double SHARE_OF_MAXIMUM = 0.8;
    private static final int CUSTOMERS = 500;
    private static final String TENANT = "acme";

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final Duration timeout;

    private SustainedBench(Map<String, String> options) {
        this.options = options;
        this.timeout = Duration.ofSeconds(number("timeout", 10));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, OPTIONS);
        new SustainedBench(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        String gateway = options.getOrDefault("gateway", "http://localhost:8080");
        String kafka = options.getOrDefault("kafka", "localhost:9092");
        int minutes = number("minutes", 5);
        int warmup = number("warmup", 30);
        int interval = number("interval", 5);
        int maxInFlight = number("max-in-flight", 1000);

        int ceilingSeconds = number("ceiling-seconds", 10);
        progress("ceiling: bare appends to a scratch topic (acks=all, idempotent, linger 2 ms), %d s", ceilingSeconds);
        double ceiling = BenchKafka.bareAppend(kafka, ceilingSeconds);
        progress("ceiling: %,.0f appends/s", ceiling);

        GatewayClient client = new GatewayClient(gateway, options.getOrDefault("keycloak", "http://localhost:8180"),
                timeout);
        String token = client.token("alice", "hearken-demo");
        String survey = client.createNpsSurvey(token, "sustained " + run);
        String probeSurvey = client.createNpsSurvey(token, "sustained probes " + run);
        OpenModelLoad.Sender submit = submissions(gateway, survey);

        double calibrated = 0;
        double rate = number("rate", 0);
        if (rate <= 0) {
            int connections = number("calibrate-connections", 64);
            int seconds = number("calibrate-seconds", 15);
            progress("closed-loop maximum through the gateway: %d in flight, %d s after 5 s of warm-up", connections,
                    seconds);
            calibrated = closedLoopMaximum(submit, connections, seconds);
            rate = Math.max(1, Math.floor(SHARE_OF_MAXIMUM * calibrated));
            progress("closed-loop maximum %,.0f req/s: offering %.0f %% of it, %,.0f req/s", calibrated,
                    100 * SHARE_OF_MAXIMUM, rate);
        }

        try (ConsumerLag lag = new ConsumerLag(kafka, BenchKafka.RESPONSES);
             FreshnessProbes probes = new FreshnessProbes(http, gateway, probeSurvey,
                     options.getOrDefault("insight", "http://localhost:8083"),
                     options.getOrDefault("profile", "http://localhost:8082"), TENANT, run, Duration.ofSeconds(60))) {
            List<String> groups = lag.groups(PoisonInjection.CONSUMERS);
            drain(lag, groups, rate, number("drain", 120));

            ScheduledExecutorService reporter = Executors.newScheduledThreadPool(2);
            long start = System.nanoTime();
            long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
            long end = measureFrom + TimeUnit.MINUTES.toNanos(minutes);
            LoadStats stats = new LoadStats(start);
            OpenModelLoad load = new OpenModelLoad(new ArrivalSchedule(start, rate), maxInFlight, submit,
                    System::nanoTime, stats);
            Map<String, List<LagTrend.Sample>> samples = new LinkedHashMap<>();
            groups.forEach(group -> samples.put(group, new ArrayList<>()));
            progress("open model: %,.0f req/s through the gateway, %d s warm-up (not counted), then %d min; every %d s "
                    + "the rate achieved, latency from the intended send time, errors, and the lag of %s", rate,
                    warmup, minutes, interval, groups);
            boolean[] measuring = {warmup == 0};
            if (warmup == 0) {
                probes.start();
            }
            reporter.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                LoadStats.Snapshot snapshot = stats.closeInterval(now);
                System.out.printf("[%4.0f s] %s %s%n", (now - start) / 1e9, measuring[0] ? "run   " : "warmup",
                        snapshot.line());
                if (!measuring[0] && now >= measureFrom) {
                    measuring[0] = true;
                    stats.restart(now);
                    probes.start();
                }
            }, interval, interval, TimeUnit.SECONDS);
            reporter.scheduleAtFixedRate(() -> sampleLag(lag, groups, samples, start, measureFrom),
                    0, interval, TimeUnit.SECONDS);

            load.runUntil(end);
            boolean answered = load.awaitAnswers(timeout.toNanos() + TimeUnit.SECONDS.toNanos(1));
            reporter.shutdown();
            reporter.awaitTermination(30, TimeUnit.SECONDS);
            sampleLag(lag, groups, samples, start, measureFrom);
            LoadStats.Snapshot last = stats.closeInterval(System.nanoTime());
            if (last.scheduled() > 0 || last.answered() > 0) {
                System.out.printf("[%4.0f s] run    %s%n", (System.nanoTime() - start) / 1e9, last.line());
            }
            progress("waiting for the last freshness probes to become visible (at most 60 s each)");
            probes.finish();

            // The rate over the measured window itself, not over the wait for the last answers after it
            LoadStats.Snapshot counted = stats.total();
            LoadStats.Snapshot total = new LoadStats.Snapshot(minutes * 60.0, counted.scheduled(), counted.answered(),
                    counted.latencies(), counted.errors());
            System.out.println();
            System.out.println("== sustained run: summary ==");
            System.out.printf("ceiling (bare Kafka appends, same run):  %,.0f appends/s%n", ceiling);
            if (calibrated > 0) {
                System.out.printf("closed-loop maximum through the gateway: %,.0f req/s (%.0f %% of the ceiling)%n",
                        calibrated, 100 * calibrated / ceiling);
            }
            System.out.printf("offered: %,.0f req/s for %d min (open model, at most %d in flight)%n", rate, minutes,
                    maxInFlight);
            System.out.printf("achieved: %s%n", total.line());
            System.out.printf("          %.1f %% of the offered rate, %.1f %% of the ceiling; %d sends left more than "
                            + "10 ms late (the generator fell behind; their latency still counts from their turn)%s%n",
                    100 * total.rate() / rate, 100 * total.rate() / ceiling, load.lateSends(),
                    answered ? "" : "; requests still unanswered at the end: " + load.inFlight());
            System.out.println("consumer lag on hearken.responses (records; start / middle / end / max, slope):");
            double offered = rate;
            samples.forEach((group, readings) -> {
                LagTrend trend = LagTrend.of(readings, offered);
                System.out.printf("  %-18s %s%n", group, readings.isEmpty() ? "no committed offsets"
                        : String.format("%,9d / %,9d / %,9d / %,9d, %+,9.1f records/s: %s", trend.start(),
                        trend.middle(), trend.end(), trend.max(), trend.slopePerSecond(), trend.verdict()));
            });
            FreshnessProbes.Result fresh = probes.result();
            System.out.printf("freshness (submit to visible, %d probes, one a second; %d not accepted):%n",
                    fresh.sent(), fresh.failed());
            System.out.printf("  scores (insight-service)     p50 %7.0f ms  p99 %7.0f ms  (%d seen, %d not within 60 s)"
                            + "%n", FreshnessProbes.Result.percentile(fresh.scores(), 0.5),
                    FreshnessProbes.Result.percentile(fresh.scores(), 0.99), fresh.scores().size(),
                    fresh.scoresMissing());
            System.out.printf("  timelines (profile-service)  p50 %7.0f ms  p99 %7.0f ms  (%d seen, %d not within 60 s)"
                            + "%n", FreshnessProbes.Result.percentile(fresh.timelines(), 0.5),
                    FreshnessProbes.Result.percentile(fresh.timelines(), 0.99), fresh.timelines().size(),
                    fresh.timelinesMissing());
            System.out.printf("  the probes' own 202         p50 %7.0f ms  p99 %7.0f ms%n",
                    FreshnessProbes.Result.percentile(fresh.acknowledgements(), 0.5),
                    FreshnessProbes.Result.percentile(fresh.acknowledgements(), 0.99));
        }
    }

    /** Unkeyed public submissions, as {@code ./hearken bench} sends them: a new response from one of 500 customers. */
    private OpenModelLoad.Sender submissions(String gateway, String survey) {
        URI target = URI.create(gateway + "/api/v1/public/surveys/" + survey + "/responses");
        return sequence -> {
            String email = "sustained-" + (sequence % CUSTOMERS) + "@example.com";
            String body = """
                    {"channel":"web","respondent":{"email":"%s"},"answers":{"nps":%d,"reason":"sustained run"}}"""
                    .formatted(email, sequence % 11);
            HttpRequest request = HttpRequest.newBuilder(target)
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", GatewayClient.addressOf(email))
                    .timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
        };
    }

    /** 2xx answers a second with {@code connections} requests in flight, each sent when the one before answered. */
    static double closedLoopMaximum(OpenModelLoad.Sender sender, int connections, int seconds)
            throws InterruptedException {
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long end = warm + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong answered = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            closedLoop(sender, sequence, answered, warm, end, done);
        }
        done.await(seconds + 60L, TimeUnit.SECONDS);
        return answered.get() / (double) seconds;
    }

    private static void closedLoop(OpenModelLoad.Sender sender, AtomicLong sequence, AtomicLong answered, long warm,
                                   long end, CountDownLatch done) {
        CompletableFuture<Integer> answer;
        try {
            answer = sender.send(sequence.getAndIncrement());
        } catch (RuntimeException failure) {
            answer = CompletableFuture.failedFuture(failure);
        }
        answer.whenComplete((status, failure) -> {
            long now = System.nanoTime();
            if (failure == null && status / 100 == 2 && now >= warm && now < end) {
                answered.incrementAndGet();
            }
            if (now < end) {
                closedLoop(sender, sequence, answered, warm, end, done);
            } else {
                done.countDown();
            }
        });
    }

    /** Waits until every group's lag is at most a second of the offered rate, or {@code seconds} have passed. */
    private static void drain(ConsumerLag lag, List<String> groups, double rate, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Map<String, Long> lags = lag.lagByGroup(groups);
        while (lags.values().stream().anyMatch(records -> records > Math.max(rate, 100))
                && System.nanoTime() < deadline) {
            progress("waiting for the consumers to drain before the run (lag %s)", lags);
            Thread.sleep(5_000);
            lags = lag.lagByGroup(groups);
        }
        progress("consumer lag before the run: %s", lags);
    }

    private static void sampleLag(ConsumerLag lag, List<String> groups, Map<String, List<LagTrend.Sample>> samples,
                                  long start, long measureFrom) {
        try {
            long now = System.nanoTime();
            Map<String, Long> lags = lag.lagByGroup(groups);
            StringBuilder line = new StringBuilder(String.format("[%4.0f s] lag   ", (now - start) / 1e9));
            lags.forEach((group, records) -> {
                line.append(String.format(" %s %,d", group, records));
                if (now >= measureFrom && records >= 0) {
                    synchronized (samples) {
                        samples.get(group).add(new LagTrend.Sample((now - measureFrom) / 1e9, records));
                    }
                }
            });
            System.out.println(line);
        } catch (Exception failed) {
            System.out.println("lag not read: " + failed);
        }
    }

    private int number(String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, not " + value);
        }
    }

    private static void progress(String format, Object... arguments) {
        System.out.printf("--> " + format + "%n", arguments);
    }
}
