package io.hearken.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real servers of one test run: Kafka, PostgreSQL, the mail server, the SMS provider stand-in and (when asked)
 * Keycloak.
 *
 * <p>{@code ./hearken test} starts them once for the whole build and exports their addresses
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code POSTGRES_HOST}, ...); every module then reuses them. When a module is
 * tested on its own (an IDE, {@code ./mvnw -pl survey-service test}) nothing is exported, so the first test
 * resource starts them through the same launcher and stops them when the JVM ends.
 */
public final class TestInfrastructure {

    private static final List<String> KEYS = List.of("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_HOST", "POSTGRES_PORT",
            "POSTGRES_USER", "POSTGRES_PASSWORD", "KEYCLOAK_URL", "SMTP_HOST", "SMTP_PORT", "MAIL_API_URL",
            "SMS_PROVIDER_URL", "HEARKEN_INVITATION_SIGNING_KEY", "HEARKEN_SMS_AUTH_TOKEN",
            "HEARKEN_CREDENTIAL_KEY", "HEARKEN_REDIS_URL");

    private static Map<String, String> settings;
    private static Map<String, String> launcherEnvironment = Map.of();

    private TestInfrastructure() {
    }

    /** The run's Kafka brokers, for tests that publish or read events themselves. */
    public static String kafkaBootstrapServers() {
        return settings(false).get("KAFKA_BOOTSTRAP_SERVERS");
    }

    /** The run's Keycloak, where tests get real tokens ({@link KeycloakTokens}); started with it if need be. */
    public static String keycloakUrl() {
        return settings(true).get("KEYCLOAK_URL");
    }

    /** The run's mail server API, where tests read the mail the services sent. */
    public static String mailApiUrl() {
        return settings(false).get("MAIL_API_URL");
    }

    /** Connection settings by environment-variable name, as the services read them. */
    public static synchronized Map<String, String> settings(boolean needsKeycloak) {
        if (settings == null || (needsKeycloak && !settings.containsKey("KEYCLOAK_URL"))) {
            settings = System.getenv("KAFKA_BOOTSTRAP_SERVERS") != null && (!needsKeycloak
                    || System.getenv("KEYCLOAK_URL") != null) ? fromEnvironment() : startWithLauncher(needsKeycloak);
        }
        return settings;
    }

    /**
     * What {@code ./hearken} needs in its environment to act on this run's servers (run directory, ports): empty
     * when the launcher's own variables are already inherited from {@code ./hearken test}.
     */
    public static synchronized Map<String, String> launcherEnvironment() {
        return launcherEnvironment;
    }

    private static Map<String, String> fromEnvironment() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : KEYS) {
            String value = System.getenv(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    private static Map<String, String> startWithLauncher(boolean needsKeycloak) {
        Path root = repositoryRoot();
        Path runDir = root.resolve("target/test-run-standalone");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("HEARKEN_RUN_DIR", runDir.toString());
        environment.put("HEARKEN_WITH_KEYCLOAK", needsKeycloak ? "1" : "0");
        environment.put("HEARKEN_KAFKA_PORT", "29092");
        environment.put("HEARKEN_KAFKA_CONTROLLER_PORT", "29093");
        environment.put("HEARKEN_PG_PORT", "25432");
        environment.put("HEARKEN_KEYCLOAK_PORT", "28180");
        environment.put("HEARKEN_KEYCLOAK_MGMT_PORT", "29180");
        environment.put("HEARKEN_SMTP_PORT", "23025");
        environment.put("HEARKEN_MAIL_API_PORT", "28025");
        environment.put("HEARKEN_SMS_PORT", "28026");
        environment.put("HEARKEN_REDIS_PORT", "26379");
        runLauncher(root, environment, "infra-up", Duration.ofMinutes(6));
        launcherEnvironment = Map.copyOf(environment);
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> runLauncher(root, environment, "infra-down", Duration.ofMinutes(1)), "test-infra-down"));
        return readEnvFile(runDir.resolve("infra.env"));
    }

    private static void runLauncher(Path root, Map<String, String> environment, String command, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(root.resolve("hearken").toString(), command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolve("target/test-infra-" + command + ".log").toFile());
            builder.environment().putAll(environment);
            Files.createDirectories(root.resolve("target"));
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("./hearken " + command + " failed; see target/test-infra-"
                        + command + ".log");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./hearken " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ./hearken " + command, e);
        }
    }

    static Map<String, String> readEnvFile(Path file) {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                int separator = line.indexOf('=');
                if (separator > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, separator).trim(), line.substring(separator + 1).trim());
                }
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** The folder that holds the ./hearken launcher. */
    public static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isExecutable(directory.resolve("hearken"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("cannot find the ./hearken launcher above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
