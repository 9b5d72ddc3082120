package io.hearken.chaos;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./hearken bench}: closed-loop submission benchmark through the gateway's public endpoint. {@code
 * --connections} clients each keep one submission in flight for {@code --seconds}; prints throughput and latency
 * percentiles of acknowledged (202) submissions, and every other answer.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String gateway = options.getOrDefault("gateway", "http://localhost:8080");
        String keycloak = options.getOrDefault("keycloak", "http://localhost:8180");
        int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup", "5"));

        GatewayClient client = new GatewayClient(gateway, keycloak, Duration.ofSeconds(30));
        String surveyId = client.createNpsSurvey(client.token("alice", "hearken-demo"), "bench " + UUID.randomUUID());

        run(client, surveyId, connections, warmupSeconds, null);
        List<Long> latenciesMicros = new ArrayList<>();
        AtomicLong others = new AtomicLong();
        long started = System.nanoTime();
        run(client, surveyId, connections, seconds, new Recorder(latenciesMicros, others));
        double elapsed = (System.nanoTime() - started) / 1e9;

        long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "submissions acknowledged: %d in %.1f s = %.0f/s with %d connections%n",
                sorted.length, elapsed, sorted.length / elapsed, connections);
        System.out.printf(Locale.ROOT, "latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 100));
        System.out.printf("other answers (non-202 or failed): %d%n", others.get());
    }

    private static void run(GatewayClient client, String surveyId, int connections, int seconds, Recorder recorder)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(connections);
        CompletableFuture<?>[] loops = new CompletableFuture<?>[connections];
        for (int c = 0; c < connections; c++) {
            int connection = c;
            loops[c] = CompletableFuture.runAsync(() -> {
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.submit(surveyId, UUID.randomUUID().toString(),
                                "bench-" + connection + "-" + (n++ % 50) + "@example.com", n % 11, "web").get();
                        if (recorder != null) {
                            recorder.record(response.statusCode() == 202, (System.nanoTime() - sent) / 1000);
                        }
                    } catch (Exception e) {
                        if (recorder != null) {
                            recorder.record(false, 0);
                        }
                    }
                }
            }, pool);
        }
        CompletableFuture.allOf(loops).get();
        pool.shutdown();
    }

    private static double percentile(long[] sortedMicros, double percentile) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
    }

    private record Recorder(List<Long> latenciesMicros, AtomicLong others) {
        synchronized void record(boolean acknowledged, long micros) {
            if (acknowledged) {
                latenciesMicros.add(micros);
            } else {
                others.incrementAndGet();
            }
        }
    }
}
