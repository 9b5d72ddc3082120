package io.hearken.chaos;

import org.apache.kafka.clients.producer.KafkaProducer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event-to-timeline throughput of profile-service with its profiles loaded (docs/benchmarks.md, "Profiles"):
 * {@code --events} verified responses of random loaded customers are appended to {@code hearken.responses}, and
 * the time profile-service's timeline consumer takes to apply them is read from its applied-events counter. The
 * ceiling, measured in the same run: bare one-row INSERT-and-COMMIT transactions on the same PostgreSQL, from as
 * many connections as the consumer has lanes. Identity look-ups are measured by the shell with wrk.
 */
public final class ProfileBench {

    private static final Pattern APPLIED = Pattern.compile(
            "hearken_events_applied_total\\{[^}]*consumer=\"profile-timeline\"[^}]*} ([0-9.eE+]+)");

    /** HTTP/1.1 with a timeout: the management interface answers plainly, and a hung scrape must not hang the run. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private ProfileBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int events = Integer.parseInt(options.getOrDefault("events", "100000"));
        int profiles = Integer.parseInt(options.getOrDefault("profiles", "1000000"));
        int lanes = Integer.parseInt(options.getOrDefault("lanes", "8"));
        String tenant = options.getOrDefault("tenant", "bench-profiles");
        String metrics = options.get("metrics");
        String jdbc = options.get("jdbc");

        double ceiling = bareTransactions(jdbc, lanes, Duration.ofSeconds(10));
        System.out.printf("ceiling: bare one-row transactions on PostgreSQL, %d connections: %.0f/s%n", lanes,
                ceiling);

        double before = applied(metrics);
        Instant start = Instant.now();
        append(options.get("kafka"), tenant, events, profiles);
        Instant appended = Instant.now();
        System.out.printf("appended %d responses of %d loaded customers in %.1f s%n", events, profiles,
                Duration.between(start, appended).toMillis() / 1000.0);
        double now = before;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        while (now - before < events && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            now = applied(metrics);
        }
        // From the first append to the last event applied: the consumer starts while the append is under way.
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double rate = (now - before) / seconds;
        System.out.printf("timeline: %.0f of %d events applied in %.1f s: %.0f events/s (%.0f %% of the ceiling)%n",
                now - before, events, seconds, rate, 100 * rate / ceiling);
    }

    /** Verified responses (as from signed invitations) of random loaded customers, each with an NPS. */
    private static void append(String kafka, String tenant, int events, int profiles) throws Exception {
        Random random = new Random(42);
        try (KafkaProducer<String, String> producer = BenchKafka.producer(kafka, 5)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String id = UUID.randomUUID().toString();
                int customer = 1 + random.nextInt(profiles);
                String json = """
                        {"responseId":"%s","surveyId":"bench-survey","surveyVersion":1,"tenant":"%s",\
                        "channel":"email","language":"en","journeyStage":"support",\
                        "respondent":{"customerId":"B-%d","verified":true},\
                        "answers":[{"questionId":"nps","type":"NPS","score":%d,"scaleMin":0,"scaleMax":10}],\
                        "completed":true,"submittedAt":"%s"}""".formatted(id, tenant, customer, i % 11, Instant.now());
                sent.add(producer.send(BenchKafka.responseRecord(id, tenant, "bench-survey", json)));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
    }

    /** The profile-timeline consumer's applied-events counter, from profile-service's Prometheus metrics. */
    private static double applied(String metricsUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(metricsUrl))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = APPLIED.matcher(response.body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** One-row INSERT + COMMIT transactions from {@code connections} connections for {@code duration}. */
    private static double bareTransactions(String jdbc, int connections, Duration duration) throws Exception {
        try (Connection setup = DriverManager.getConnection(jdbc);
             Statement statement = setup.createStatement()) {
            statement.execute("create table if not exists bench_ceiling (id uuid primary key, at timestamptz)");
        }
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(jdbc);
                     PreparedStatement insert = connection.prepareStatement(
                             "insert into bench_ceiling (id, at) values (?, now())")) {
                    connection.setAutoCommit(false);
                    while (System.nanoTime() < end) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.executeUpdate();
                        connection.commit();
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        try (Connection cleanup = DriverManager.getConnection(jdbc);
             Statement statement = cleanup.createStatement()) {
            statement.execute("drop table bench_ceiling");
        }
        return done.get() / (duration.toMillis() / 1000.0);
    }
}
