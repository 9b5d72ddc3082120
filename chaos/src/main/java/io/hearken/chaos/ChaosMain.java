package io.hearken.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./hearken chaos}: runs the fault run against a platform started by the launcher and prints the table.
 * Exits 1 if anything acknowledged was lost or counted twice.
 *
 * <p>Options: {@code --gateway URL --keycloak URL --launcher PATH --rate N --outage S --settle S
 * --kafka HOST:PORT --targets a,b,c --report FILE --record FILE --survey-management-port P
 * --profile-management-port P --insight-management-port P --webhook-management-port P --mail-api URL} (with the mail server's API, the
 * survey-service and broker phases also check that invitations stay single-use) (management ports default to 9401, 9402, 9403, 9404); the
 * targets default to every component, after the poison phase.
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        FaultRun.Settings defaults = FaultRun.Settings.defaults();
        FaultRun.Settings settings = new FaultRun.Settings(
                Integer.parseInt(options.getOrDefault("rate", String.valueOf(defaults.ratePerSecond()))),
                defaults.warmup(),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("outage", "5"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("settle", "10"))),
                defaults.retryWindow(), defaults.drainTimeout(), defaults.surveysPerPhase(),
                defaults.customersPerPhase());
        List<String> targets = Arrays.asList(options.getOrDefault("targets",
                "poison,survey,mongo,kafka,insight,profile,postgres,redis,webhook,gateway").split(","));
        GatewayClient client = new GatewayClient(options.getOrDefault("gateway", "http://localhost:8080"),
                options.getOrDefault("keycloak", "http://localhost:8180"), Duration.ofSeconds(20));
        ProcessControl control = new LauncherControl(Path.of(options.getOrDefault("launcher", "./hearken")),
                Map.of());

        // Readiness lives on each service's management port, never on its API port.
        String survey = readiness(options.getOrDefault("survey-management-port", "9401"));
        String profile = readiness(options.getOrDefault("profile-management-port", "9402"));
        String insight = readiness(options.getOrDefault("insight-management-port", "9403"));
        String webhook = readiness(options.getOrDefault("webhook-management-port", "9404"));
        Map<String, List<String>> dependents = Map.of(
                "mongo", List.of(survey),
                "kafka", List.of(survey, profile, insight, webhook),
                "postgres", List.of(profile, insight, webhook));

        Instant started = Instant.now();
        List<PhaseResult> results = new FaultRun(client, control, settings, "alice", "hearken-demo", dependents,
                options.getOrDefault("kafka", "localhost:9092"), options.get("mail-api"))
                .run(targets, options.containsKey("record") ? Path.of(options.get("record")) : null);
        String table = FaultRun.table(results);
        System.out.println();
        System.out.println(table);
        boolean holds = results.stream().allMatch(PhaseResult::holds);
        String report = "Run of " + started + " (" + Duration.between(started, Instant.now()).toSeconds()
                + " s), rate " + settings.ratePerSecond() + "/s, outage " + settings.outage().toSeconds()
                + " s per kill: " + (holds ? "every acknowledged response kept and counted exactly once."
                : "FAILED: see the rows.") + "\n\n" + table;
        if (options.containsKey("report")) {
            Files.writeString(Path.of(options.get("report")), report);
        }
        System.out.println(holds ? "[chaos] HOLDS: nothing acknowledged was lost or counted twice"
                : "[chaos] FAILED: see the table");
        System.exit(holds ? 0 : 1);
    }

    private static String readiness(String managementPort) {
        return "http://127.0.0.1:" + managementPort + "/q/health/ready";
    }
}
