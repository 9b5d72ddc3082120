package io.hearken.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.hearken.testing.TestInfrastructure;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged Hearken services, each started as its own process ({@code java -jar quarkus-run.jar}) against the
 * test run's real Kafka, PostgreSQL and Keycloak, and a MongoDB-protocol server. Started once for all end-to-end
 * tests and stopped when the JVM ends.
 */
final class Platform {

    private static Platform instance;

    final String gatewayUrl;
    final String keycloakUrl;
    final String kafkaBootstrapServers;
    private final List<Process> processes = new ArrayList<>();
    private final MongoServer mongo;

    private Platform() throws Exception {
        Map<String, String> infrastructure = TestInfrastructure.settings(true);
        keycloakUrl = infrastructure.get("KEYCLOAK_URL");
        kafkaBootstrapServers = infrastructure.get("KAFKA_BOOTSTRAP_SERVERS");
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);

        Path root = TestInfrastructure.repositoryRoot();
        Path logs = root.resolve("e2e/target/service-logs");
        Files.createDirectories(logs);
        int surveyPort = freePort();
        int profilePort = freePort();
        int insightPort = freePort();
        int gatewayPort = freePort();

        Map<String, String> common = new LinkedHashMap<>(infrastructure);
        common.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());
        common.put("SURVEY_SERVICE_URL", "http://localhost:" + surveyPort);
        common.put("PROFILE_SERVICE_URL", "http://localhost:" + profilePort);
        common.put("INSIGHT_SERVICE_URL", "http://localhost:" + insightPort);

        start(root, logs, "survey-service", surveyPort, common);
        start(root, logs, "profile-service", profilePort, common);
        start(root, logs, "insight-service", insightPort, common);
        start(root, logs, "gateway", gatewayPort, common);
        for (int port : new int[] {surveyPort, profilePort, insightPort, gatewayPort}) {
            awaitReady("http://localhost:" + port + "/q/health/ready", Duration.ofSeconds(120));
        }
        gatewayUrl = "http://localhost:" + gatewayPort;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "e2e-platform-stop"));
    }

    static synchronized Platform get() {
        if (instance == null) {
            try {
                instance = new Platform();
            } catch (Exception e) {
                throw new IllegalStateException("the platform did not start; see e2e/target/service-logs", e);
            }
        }
        return instance;
    }

    private void start(Path root, Path logs, String module, int port, Map<String, String> environment)
            throws IOException {
        Path jar = root.resolve(module + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify)");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(module + ".log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        processes.add(builder.start());
    }

    private static void awaitReady(String url, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(url + " was not ready within " + timeout);
    }

    private void stop() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        mongo.shutdownNow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
