package io.hearken.chaos;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./hearken bench projector} (docs/benchmarks.md, "Throughput by stage"; issue 19): survey-service's
 * projector alone (the launcher stops the other consumers of the topic first). {@code --events} response events are
 * appended straight to {@code hearken.responses} (the shape {@link InsightBench} appends: five answers and a comment),
 * and the bench times from the first append until the projector's consumer group has committed past every one of
 * them (its position lives in MongoDB and is committed to the group after each batch, for operators: {@link
 * ConsumerLag}). The ceiling, in the same run: the same records read from the broker with no work. With
 * {@code --metrics} (survey-service's /q/metrics) it also prints how many the projector counted as applied and as
 * dead-lettered meanwhile, so that a fast run that stored nothing cannot pass for a fast projector.
 *
 * <p>Options: {@code --kafka HOST:PORT --events N --metrics URL --drain S --tenant T}.
 */
public final class ProjectorBench {

    private static final Set<String> OPTIONS = Set.of("kafka", "events", "metrics", "drain", "tenant");
    private static final String GROUP = "survey-projector";
    /** Issue 19: the projector takes at least this many events a second into the embedded store. */
    private static final double TARGET = 10_000;
    private static final Pattern APPLIED = Pattern.compile(
            "hearken_events_applied_total\\{[^}]*consumer=\"" + GROUP + "\"[^}]*} ([0-9.eE+]+)");
    private static final Pattern DEAD_LETTERED = Pattern.compile(
            "hearken_events_dead_lettered_total\\{[^}]*consumer=\"" + GROUP + "\"[^}]*} ([0-9.eE+]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private ProjectorBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, OPTIONS);
        String kafka = options.getOrDefault("kafka", "localhost:9092");
        int events = Integer.parseInt(options.getOrDefault("events", "100000"));
        int drain = Integer.parseInt(options.getOrDefault("drain", "120"));
        String tenant = options.getOrDefault("tenant", "bench-projector");
        String metrics = options.get("metrics");
        if (events < 1) {
            throw new IllegalArgumentException("--events must be at least 1");
        }

        try (ConsumerLag lag = new ConsumerLag(kafka, BenchKafka.RESPONSES)) {
            long backlog = awaitDrained(lag, drain);
            Map<TopicPartition, Long> start = lag.endOffsets();
            double[] before = counters(metrics);
            long began = System.nanoTime();
            Random random = new Random(19);
            try (KafkaProducer<String, String> producer = BenchKafka.producer(kafka, 5)) {
                List<Future<?>> sent = new ArrayList<>(events);
                for (int i = 0; i < events; i++) {
                    sent.add(producer.send(BenchKafka.scoredResponse(tenant, "bench-projector", random.nextInt(11),
                            random)));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            }
            double appendSeconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("appended %,d responses (NPS, CSAT, CES, a choice, a comment) in %.1f s%n", events,
                    appendSeconds);
            Map<TopicPartition, Long> target = lag.endOffsets();
            Double committedAfter = lag.awaitCommitted(List.of(GROUP), target, began, 20).get(GROUP);
            long remaining = committedAfter == null ? ConsumerLag.lag(target, lag.committed(GROUP)) : 0;
            double seconds = committedAfter == null ? (System.nanoTime() - began) / 1e9 : committedAfter;
            long consumed = ConsumerLag.lag(target, start) - remaining + backlog;
            double rate = consumed / seconds;
            double[] after = counters(metrics);
            double ceiling = BenchKafka.bareRead(kafka, start, events);
            System.out.printf("ceiling: the same %,d records read from the broker doing nothing: %,.0f records/s%n",
                    events, ceiling);
            System.out.printf("projector: %,d of %,d events committed in %.1f s: %,.0f events/s (%.0f %% of the "
                            + "ceiling; target %,.0f/s: %s)%s%n", consumed, events + backlog, seconds, rate,
                    100 * rate / ceiling, TARGET, rate >= TARGET ? "met" : "missed",
                    remaining > 0 ? "; gave up after 20 min" : "");
            if (backlog > 0) {
                System.out.printf("  (%,d events of an earlier backlog were still uncommitted at the start and are "
                        + "counted)%n", backlog);
            }
            if (before != null && after != null) {
                System.out.printf("survey-service counted meanwhile: %,.0f applied, %,.0f dead-lettered (every topic "
                        + "the projector reads)%n", after[0] - before[0], after[1] - before[1]);
            }
        }
        System.exit(0);
    }

    /**
     * Waits until the projector has committed everything on the topic (at most {@code seconds}); returns the lag left,
     * which the measurement then counts as well. A partition it never committed counts from its start: on a fresh
     * platform the group has no offsets until the projector's first batch.
     */
    private static long awaitDrained(ConsumerLag lag, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long left = ConsumerLag.lag(lag.endOffsets(), lag.committed(GROUP));
        while (left > 0 && System.nanoTime() < deadline) {
            System.out.printf("waiting for the projector to catch up before measuring: %,d behind%n", left);
            Thread.sleep(2_000);
            left = ConsumerLag.lag(lag.endOffsets(), lag.committed(GROUP));
        }
        return left;
    }

    /** The projector's applied and dead-lettered counters, or null without --metrics. */
    private static double[] counters(String metricsUrl) throws Exception {
        if (metricsUrl == null) {
            return null;
        }
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return new double[] {counter(APPLIED, body), counter(DEAD_LETTERED, body)};
    }

    private static double counter(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
