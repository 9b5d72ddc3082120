package io.hearken.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.hearken.testing.MailInbox;
import io.hearken.testing.TestInfrastructure;
import io.restassured.http.ContentType;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * The packaged Hearken services, each started as its own process ({@code java -jar quarkus-run.jar}) against the
 * test run's real Kafka, PostgreSQL and Keycloak, and a MongoDB-protocol server. Started once for all end-to-end
 * tests and stopped when the JVM ends.
 */
final class Platform {

    private static Platform instance;
    private static final Set<Integer> HANDED_OUT_PORTS = new HashSet<>();
    private static final Pattern INVITATION_LINK = Pattern.compile("https?://[^\\s\"<>]+/respond/[^\\s\"<>]+"
            + "invitation=inv1\\.[A-Za-z0-9._-]+");

    /** A Keycloak test client (partner role, tenant acme) whose quota both gateways are started with. */
    static final String RATE_LIMITED_CLIENT = "hearken-test-small-quota";
    static final int RATE_LIMITED_CLIENT_QUOTA = 6;
    /**
     * How long an URGENT case has before it is overdue on this platform (a deployment setting of insight-service,
     * 4 h by default): short, so that a test sees a case become overdue (ConsoleCasesIT). No other test raises an
     * URGENT case; the other priorities keep their defaults.
     */
    static final String URGENT_SLA = "3s";

    final String gatewayUrl;
    final String keycloakUrl;
    final String kafkaBootstrapServers;
    /** The local mail server's API, where the fault run reads invitation links. */
    final String mailApiUrl;
    /** The SMS provider stand-in's API and the token that signs its webhooks. */
    final String smsProviderUrl;
    final String smsAuthToken;
    /** The secret survey-service signs invitation links with (base64), under its default key id {@code k1}. */
    final String invitationSigningKey;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final MongoServer mongo;
    private final Path root;
    private final Path logs;
    private final Map<String, String> environment;

    private Platform() throws Exception {
        Map<String, String> infrastructure = TestInfrastructure.settings(true);
        keycloakUrl = infrastructure.get("KEYCLOAK_URL");
        kafkaBootstrapServers = infrastructure.get("KAFKA_BOOTSTRAP_SERVERS");
        mailApiUrl = infrastructure.get("MAIL_API_URL");
        smsProviderUrl = infrastructure.get("SMS_PROVIDER_URL");
        smsAuthToken = infrastructure.get("HEARKEN_SMS_AUTH_TOKEN");
        invitationSigningKey = infrastructure.get("HEARKEN_INVITATION_SIGNING_KEY");
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);

        root = TestInfrastructure.repositoryRoot();
        logs = root.resolve("e2e/target/service-logs");
        Files.createDirectories(logs);
        int surveyPort = freePort();
        int profilePort = freePort();
        int insightPort = freePort();
        int webhookPort = freePort();
        int gatewayPort = freePort();

        Map<String, String> common = new LinkedHashMap<>(infrastructure);
        common.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());
        common.put("SURVEY_SERVICE_URL", "http://127.0.0.1:" + surveyPort);
        common.put("PROFILE_SERVICE_URL", "http://127.0.0.1:" + profilePort);
        common.put("INSIGHT_SERVICE_URL", "http://127.0.0.1:" + insightPort);
        common.put("WEBHOOK_SERVICE_URL", "http://127.0.0.1:" + webhookPort);
        // Invitation links open the respondent page on this gateway, as a customer's mail client would follow them
        common.put("HEARKEN_INVITATION_LINK_BASE_URL", "http://localhost:" + gatewayPort + "/respond");
        // Deliveries to private addresses are refused as in production, except on 127.0.0.2, where a test's
        // receiver listens (as with the launcher)
        common.put("HEARKEN_WEBHOOK_ALLOWED_NETWORKS", "127.0.0.2/32");
        // and, as with the launcher, plain http is allowed for such local receivers
        common.put("HEARKEN_WEBHOOK_HTTPS_ONLY", "false");

        environment = common;
        services.put("survey", new Service("survey-service", surveyPort, freePort()));
        services.put("profile", new Service("profile-service", profilePort, freePort()));
        services.put("insight", new Service("insight-service", insightPort, freePort()));
        services.put("webhook", new Service("webhook-service", webhookPort, freePort()));
        services.put("gateway", new Service("gateway", gatewayPort, freePort()));
        // A second replica of the gateway, sharing the first one's Redis: rate limits must hold across both.
        services.put("gateway-2", new Service("gateway", freePort(), freePort(), "gateway-2"));
        // Stopped when the JVM ends, also when one of them never gets ready: none is left running after the tests
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "e2e-platform-stop"));
        for (Service service : services.values()) {
            service.process = launch(service);
        }
        for (Service service : services.values()) {
            awaitReady(service.readinessUrl(), Duration.ofSeconds(120));
        }
        gatewayUrl = "http://localhost:" + gatewayPort;
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

    /** The readiness URL of a service (survey, profile, insight, webhook, gateway), on its management port. */
    String readinessUrl(String name) {
        return services.get(name).readinessUrl();
    }

    /** The API address of a service (survey, profile, insight, webhook, gateway), as the gateway reaches it. */
    String apiUrl(String name) {
        return "http://127.0.0.1:" + services.get(name).port;
    }

    /** Whether {@code name} (survey, profile, insight, webhook, gateway) is a service this platform runs. */
    boolean runs(String name) {
        return services.containsKey(name);
    }

    /** A survey made through the gateway by the holder of {@code token} (an admin); its id. */
    String createSurvey(String token, String definition) {
        return given().baseUri(gatewayUrl).auth().oauth2(token).contentType(ContentType.JSON).body(definition)
                .when().post("/api/v1/surveys")
                .then().statusCode(201).extract().path("id");
    }

    /**
     * The link of an invitation by email to a new customer in {@code locale}, as the customer receives it: sent
     * through the gateway by the holder of {@code token}, read from the local mail server.
     */
    String invitationLink(String token, String surveyId, String locale) {
        String email = "respondent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        given().baseUri(gatewayUrl).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "recipients", List.of(Map.of("customerId",
                        "RESP-" + UUID.randomUUID().toString().substring(0, 8), "email", email, "locale", locale))))
                .when().post("/api/v1/surveys/{id}/invitations/batch", surveyId)
                .then().statusCode(202);
        String mail = MailInbox.firstMail(mailApiUrl, email, Duration.ofSeconds(30));
        Matcher link = INVITATION_LINK.matcher(mail);
        if (!link.find() || !link.group().startsWith(gatewayUrl + "/respond/" + surveyId + "?")) {
            throw new AssertionError("the invitation carries no link to this survey's respondent page:\n" + mail);
        }
        return link.group();
    }

    /** SIGKILL, as a crash: no shutdown hook runs, no consumer leaves its group. */
    void kill(String name) throws InterruptedException {
        Process process = services.get(name).process;
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts a killed service again on the same port and waits until it is ready. */
    void start(String name) throws IOException, InterruptedException {
        Service service = services.get(name);
        service.process = launch(service);
        awaitReady(service.readinessUrl(), Duration.ofSeconds(120));
    }

    private Process launch(Service service) throws IOException {
        String module = service.module;
        int port = service.port;
        Path jar = root.resolve(module + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        if (module.equals("gateway")) {
            // One test client with a small contract, to see a limit hold across the two gateways (RateLimitIT)
            command.add("-Dhearken.gateway.limits.client-limits.\"" + RATE_LIMITED_CLIENT + "\"="
                    + RATE_LIMITED_CLIENT_QUOTA);
        }
        if (module.equals("insight-service")) {
            command.add("-Dhearken.insight.cases.urgent-sla=" + URGENT_SLA);
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service.name + ".log").toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // Health and metrics are on the management interface; it is never reachable from outside.
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(service.managementPort));
        builder.environment().put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        if (!module.equals("gateway")) {
            // As in a real deployment, only the gateway is reachable from outside.
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        }
        return builder.start();
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
        List<Process> processes = services.values().stream().map(service -> service.process)
                .filter(Objects::nonNull).toList();
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

    /** One packaged service: its module, its API and management ports and its current process. */
    private static final class Service {
        final String module;
        final int port;
        final int managementPort;
        final String name;
        Process process;

        Service(String module, int port, int managementPort) {
            this(module, port, managementPort, module);
        }

        Service(String module, int port, int managementPort, String name) {
            this.module = module;
            this.port = port;
            this.managementPort = managementPort;
            this.name = name;
        }

        String readinessUrl() {
            return "http://127.0.0.1:" + managementPort + "/q/health/ready";
        }
    }

    /**
     * A port free now and not handed out before in this run: the kernel may give the same free port twice, once the
     * socket that found it is closed, and two services told one port leave one of them unable to start.
     */
    private static synchronized int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT_PORTS.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
