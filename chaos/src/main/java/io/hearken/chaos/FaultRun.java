package io.hearken.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The fault run: for each component in turn, a fresh set of surveys and customers under steady load, a kill -9 of
 * the component, a fixed outage, a restart; then, once everything has settled, a check of every phase against
 * what clients were told.
 */
public final class FaultRun {

    /** Knobs of a run; the defaults suit this machine kind (2 cores shared with every process of the platform). */
    public record Settings(int ratePerSecond, Duration warmup, Duration outage, Duration settle,
                           Duration retryWindow, Duration drainTimeout, int surveysPerPhase, int customersPerPhase) {

        public static Settings defaults() {
            return new Settings(40, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
                    Duration.ofSeconds(90), Duration.ofSeconds(180), 2, 25);
        }
    }

    private final GatewayClient client;
    private final ProcessControl control;
    private final Settings settings;
    private final String adminUser;
    private final String password;
    private final Map<String, List<String>> dependentReadiness;

    /**
     * @param dependentReadiness per component, the readiness URLs of the services that depend on it and must
     *                           report DOWN while it is away
     */
    public FaultRun(GatewayClient client, ProcessControl control, Settings settings, String adminUser,
                    String password, Map<String, List<String>> dependentReadiness) {
        this.client = client;
        this.control = control;
        this.settings = settings;
        this.adminUser = adminUser;
        this.password = password;
        this.dependentReadiness = dependentReadiness;
    }

    public List<PhaseResult> run(List<String> components) throws Exception {
        return run(components, null);
    }

    /** Runs the phases; if {@code record} is given, every submission and its outcome is written there. */
    public List<PhaseResult> run(List<String> components, java.nio.file.Path record) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Verifier.Phase> phases = new ArrayList<>();
        List<PhaseResult> results = new ArrayList<>();
        try (LoadGenerator load = new LoadGenerator(client, settings.retryWindow())) {
            for (String component : components) {
                String token = client.token(adminUser, password);
                List<String> surveys = new ArrayList<>();
                for (int i = 0; i < settings.surveysPerPhase(); i++) {
                    surveys.add(client.createNpsSurvey(token, "chaos " + run + " " + component + " " + i));
                }
                List<String> customers = IntStream.range(0, settings.customersPerPhase())
                        .mapToObj(i -> "chaos-" + run + "-" + component + "-" + i + "@example.com").toList();
                log("phase %s: load %d/s on %d surveys, %d customers", component, settings.ratePerSecond(),
                        surveys.size(), customers.size());
                load.start(component, surveys, customers, settings.ratePerSecond());
                Thread.sleep(settings.warmup().toMillis());

                List<String> dependents = dependentReadiness.getOrDefault(component, List.of());
                long killedAt = System.nanoTime();
                log("kill -9 %s", component);
                Boolean dependentsWentDown = null;
                double dependentsRecovery = 0;
                try (ReadinessWatch watch = new ReadinessWatch(dependents)) {
                    control.kill(component);
                    Thread.sleep(settings.outage().toMillis());
                    log("restarting %s", component);
                    control.start(component);
                    if (!dependents.isEmpty()) {
                        boolean up = watch.awaitAllUp(settings.retryWindow());
                        dependentsWentDown = watch.sawDown() && up;
                        if (!watch.sawDown()) {
                            log("readiness never went DOWN while %s was away: %s", component, watch.neverSeenDown());
                        }
                        dependentsRecovery = (System.nanoTime() - killedAt) / 1e9;
                    }
                }
                double recovery = Math.max((System.nanoTime() - killedAt) / 1e9, dependentsRecovery);
                log("%s and its dependents ready again %.1f s after the kill", component, recovery);
                Thread.sleep(settings.settle().toMillis());
                load.stopSending();
                phases.add(new Verifier.Phase(component, surveys, customers, recovery, dependentsWentDown));
            }
            log("load stopped; waiting for every submission to settle");
            load.awaitSettled(settings.retryWindow().plusSeconds(30));
            if (record != null) {
                load.writeRecord(record);
                log("record of every submission: %s", record);
            }

            Verifier verifier = new Verifier(client, adminUser, password);
            long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
            while (true) {
                results.clear();
                for (Verifier.Phase phase : phases) {
                    results.add(verifier.verify(phase, load.submissions(phase.killed()), load.answers(phase.killed())));
                }
                if (results.stream().allMatch(PhaseResult::holds) || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(2000);
            }
            log("longest single request: %d ms", load.longestRequestMillis());
        }
        return results;
    }

    /** The reliability table in Markdown. */
    public static String table(List<PhaseResult> results) {
        StringBuilder table = new StringBuilder("""
                | killed | sent | acknowledged | stored once | counted | NPS equal | on timelines once | lost | duplicated | kept unacknowledged | gave up | client errors (answers) | dependents DOWN while away | recovery s | longest gap in acks s |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
                """);
        for (PhaseResult result : results) {
            long lost = result.storedLost() + result.timelineLost() + Math.max(0, result.acknowledged()
                    - result.counted());
            long duplicated = result.storedDuplicated() + result.timelineDuplicated() + Math.max(0, result.counted()
                    - result.acknowledged() - result.unacknowledgedKept());
            table.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %s | %d | %d | %d | %d | %d | %d %s | %s | %.1f | %.1f |%n",
                    result.killed(), result.sent(), result.acknowledged(), result.storedOnce(), result.counted(),
                    result.npsMatches() ? "yes" : "NO", result.onTimelinesOnce(), lost, duplicated,
                    result.unacknowledgedKept(), result.gaveUp(), result.clientErrors(), result.answers(),
                    result.dependentsWentDown() == null ? "n/a" : result.dependentsWentDown() ? "yes" : "NO",
                    result.recoverySeconds(), result.submissionGapSeconds()));
        }
        return table.toString();
    }

    static void log(String format, Object... arguments) {
        System.out.printf("[chaos] " + format + "%n", arguments);
        System.out.flush();
    }
}
