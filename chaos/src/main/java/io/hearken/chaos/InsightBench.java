package io.hearken.chaos;

import io.hearken.common.security.GatewayCredentials;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event-fed scores of insight-service (docs/benchmarks.md, "Insights"): how many response events a second the
 * score consumer applies ({@code --events} appended at once, read from its applied-events counter), against the
 * ceiling of reading the same records from the broker with no work at all, in the same run; and submit-to-visible
 * freshness: under a steady {@code --rate} of responses, a probe response every 200 ms is timed from its append to
 * the moment the score API counts it.
 */
public final class InsightBench {

    private static final Pattern APPLIED = Pattern.compile(
            "hearken_events_applied_total\\{[^}]*consumer=\"insight-rollups\"[^}]*} ([0-9.eE+]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private InsightBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String kafka = options.get("kafka");
        String metrics = options.get("metrics");
        String api = options.get("api");
        int events = Integer.parseInt(options.getOrDefault("events", "200000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        String tenant = options.getOrDefault("tenant", "bench-insights");

        try (KafkaProducer<String, String> producer = BenchKafka.producer(kafka, 2)) {
            Map<TopicPartition, Long> start = BenchKafka.endOffsets(kafka);
            double before = applied(metrics);
            Instant began = Instant.now();
            Random random = new Random(42);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                sent.add(send(producer, tenant, "bench-flow", random.nextInt(11), random));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            System.out.printf("appended %d responses (NPS, CSAT, CES, a choice, a comment) in %.1f s%n", events,
                    Duration.between(began, Instant.now()).toMillis() / 1000.0);
            double now = before;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
            while (now - before < events && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                now = applied(metrics);
            }
            double consumed = Duration.between(began, Instant.now()).toMillis() / 1000.0;
            double rateApplied = (now - before) / consumed;
            double ceiling = BenchKafka.bareRead(kafka, start, events);
            System.out.printf("ceiling: the same %d records read from the broker doing nothing: %.0f records/s%n",
                    events, ceiling);
            System.out.printf("score consumer: %.0f of %d events applied in %.1f s: %.0f events/s (%.0f %% of the "
                    + "ceiling)%n", now - before, events, consumed, rateApplied, 100 * rateApplied / ceiling);

            freshness(producer, api, tenant, rate, seconds, random);
        }
    }

    /** Probes under a steady load: the time from a probe's append to the score API counting it. */
    private static void freshness(KafkaProducer<String, String> producer, String api, String tenant, int rate,
                                  int seconds, Random random) throws Exception {
        String probeSurvey = "bench-fresh-" + UUID.randomUUID();
        List<Long> latencies = new ArrayList<>();
        long periodNanos = 1_000_000_000L / rate;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long nextLoad = System.nanoTime();
        long nextProbe = System.nanoTime() + 500_000_000L;
        int probes = 0;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            while (nextLoad <= now) {
                send(producer, tenant, "bench-flow", random.nextInt(11), random);
                nextLoad += periodNanos;
            }
            if (now >= nextProbe) {
                long sentAt = System.nanoTime();
                send(producer, tenant, probeSurvey, 10, random).get();
                probes++;
                while (total(api, tenant, probeSurvey) < probes) {
                    Thread.sleep(2);
                    // Keep the load steady while waiting for the probe.
                    long waiting = System.nanoTime();
                    while (nextLoad <= waiting) {
                        send(producer, tenant, "bench-flow", random.nextInt(11), random);
                        nextLoad += periodNanos;
                    }
                    if (waiting - sentAt > 30_000_000_000L) {
                        throw new IllegalStateException("probe " + probes + " not visible after 30 s");
                    }
                }
                latencies.add((System.nanoTime() - sentAt) / 1_000);
                nextProbe = sentAt + 200_000_000L;
            }
            Thread.sleep(0, 200_000);
        }
        Collections.sort(latencies);
        System.out.printf("freshness at %d responses/s for %d s: %d probes, append to visible in the score API "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, seconds, latencies.size(),
                percentile(latencies, 0.50) / 1000.0, percentile(latencies, 0.99) / 1000.0,
                latencies.get(latencies.size() - 1) / 1000.0);
    }

    private static long percentile(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static Future<?> send(KafkaProducer<String, String> producer, String tenant, String survey, int nps,
                                  Random random) {
        return producer.send(BenchKafka.scoredResponse(tenant, survey, nps, random));
    }

    /** The survey's NPS total in insight-service's score API, read with a credential of the tenant; 0 when unknown. */
    static long total(String api, String tenant, String survey) throws Exception {
        String credential = SignCredential.credentials(Duration.ofSeconds(60))
                .signForCaller("insight-service", tenant, "admin:bench");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/v1/surveys/" + survey
                        + "/nps")).header(GatewayCredentials.HEADER, credential).timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        Matcher matcher = Pattern.compile("\"total\":(\\d+)").matcher(response.body());
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    /** The score consumer's applied-events counter, from insight-service's Prometheus metrics. */
    private static double applied(String metricsUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(metricsUrl))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = APPLIED.matcher(response.body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
