package io.hearken.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chart and the services agree: the ports the chart probes and routes to are the ones each service binds
 * (application.properties), every variable the chart sets is one the service reads, and the Strimzi topics are
 * the topics the services declare, with the same partitions and cleanup policy, plus the dead-letter topic and one
 * redrive topic per consumer; every variable a service cannot start without (the credential key) is set by the chart,
 * and the chart's default limits are the gateway's. A change on one side without the other fails here, not in a
 * cluster.
 */
class ServiceConfigurationAgreementTest {

    /** Chart key of each service, and its module. */
    private static final Map<String, String> MODULES = Map.of(
            "gateway", "gateway", "survey", "survey-service", "profile", "profile-service",
            "insight", "insight-service", "webhook", "webhook-service");

    /** Variables the chart sets that no application.properties names: Quarkus, the JVM and Kubernetes read them. */
    private static final Pattern READ_ELSEWHERE =
            Pattern.compile("QUARKUS_.*|JAVA_TOOL_OPTIONS|HEARKEN_KAFKA_SASL_(USERNAME|PASSWORD)");

    /** A variable read without a default (outside the dev and test profiles): the service does not start without it. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    /**
     * The one map the chart fills through the environment, and the dotted variable form of its entries: a client id
     * may hold dashes, which the upper-case form (HEARKEN_..._PARTNER_SYNC) would turn into dots.
     */
    private static final String CLIENT_LIMITS = "hearken.gateway.limits.client-limits";
    private static final Pattern CLIENT_LIMIT_ENTRY =
            Pattern.compile(Pattern.quote(CLIENT_LIMITS + ".") + "[A-Za-z0-9][A-Za-z0-9_-]*");

    private static final Pattern DECLARED_TOPIC =
            Pattern.compile("hearken\\.topics\\.declared\\.\"([^\"]+)\"\\.(partitions|cleanup-policy)");
    private static final Pattern CONSUMER_NAME = Pattern.compile("static final String CONSUMER = \"([a-z-]+)\";");

    static Stream<String> services() {
        return MODULES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("services")
    void theChartUsesThePortsTheServiceBinds(String service) {
        Properties properties = applicationProperties(service);
        JsonNode values = chartValues().path("services").path(service);

        assertEquals(properties.getProperty("quarkus.http.port"), values.path("port").asText());
        assertEquals(properties.getProperty("quarkus.management.port"), values.path("managementPort").asText());
        assertEquals("true", properties.getProperty("quarkus.management.enabled"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyVariableTheChartSetsIsReadByTheService(String service) {
        String properties = read(moduleDirectory(service).resolve("src/main/resources/application.properties"));
        Set<String> propertyNames = applicationProperties(service).stringPropertyNames();
        for (String installation : List.of(Renderings.DEFAULTS, Renderings.PRODUCTION)) {
            for (String variable : environmentOf(installation, service)) {
                if (!READ_ELSEWHERE.matcher(variable).matches()) {
                    assertTrue(properties.contains("${" + variable + ":") || properties.contains("${" + variable + "}")
                                    || propertyNames.stream().anyMatch(name -> environmentForm(name).equals(variable))
                                    || CLIENT_LIMIT_ENTRY.matcher(variable).matches() && service.equals("gateway"),
                            () -> MODULES.get(service) + "'s application.properties never reads " + variable);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyVariableTheServiceCannotStartWithoutIsSetByTheChart(String service) {
        Set<String> required = new TreeSet<>();
        for (String line : read(moduleDirectory(service).resolve("src/main/resources/application.properties"))
                .lines().toList()) {
            if (!line.startsWith("#") && !line.startsWith("%dev.") && !line.startsWith("%test.")) {
                Matcher variable = REQUIRED_VARIABLE.matcher(line);
                while (variable.find()) {
                    required.add(variable.group(1));
                }
            }
        }
        assertTrue(required.contains("HEARKEN_CREDENTIAL_KEY"), () -> "no required variable found: " + required);
        for (String installation : List.of(Renderings.DEFAULTS, Renderings.PRODUCTION)) {
            Set<String> environment = environmentOf(installation, service);
            for (String variable : required) {
                assertTrue(environment.contains(variable),
                        () -> "the chart (" + installation + ") never sets " + variable + ", which "
                                + MODULES.get(service) + " cannot start without");
            }
        }
    }

    @Test
    void theClientLimitsTheChartSetsAreAMapOfTheGatewaysLimits() {
        String limitsConfig = read(moduleDirectory("gateway")
                .resolve("src/main/java/io/hearken/gateway/limits/LimitsConfig.java"));

        assertTrue(limitsConfig.contains("@ConfigMapping(prefix = \"hearken.gateway.limits\")")
                && limitsConfig.contains("Map<String, Integer> clientLimits()"), CLIENT_LIMITS + " is no longer a map");
        assertTrue(environmentOf(Renderings.PRODUCTION, "gateway").contains(CLIENT_LIMITS + ".partner-sync"),
                "the production values' client limit is not set");
    }

    @Test
    void theChartsDefaultLimitsAreTheGatewaysOwn() {
        Properties properties = applicationProperties("gateway");
        JsonNode gateway = chartValues().path("gateway");

        for (String quota : List.of("per-tenant", "per-client", "per-address", "per-survey")) {
            String valueName = camelCase(quota);
            assertEquals(properties.getProperty("hearken.gateway.limits." + quota),
                    gateway.path("limits").path(valueName).asText(),
                    () -> "gateway.limits." + valueName + " differs from the gateway's own default");
        }
        List<String> trustedProxies = Manifest.elements(gateway.path("trustedProxies")).stream()
                .map(JsonNode::asText).toList();
        assertEquals("${HEARKEN_TRUSTED_PROXIES:" + String.join(",", trustedProxies) + "}",
                properties.getProperty("hearken.gateway.limits.trusted-proxies"));
    }

    /** Each service that keeps PostgreSQL data gets its own database, in its pods and in its migration Job alike. */
    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void eachPostgresServiceUsesItsOwnDatabaseAndItsJobMigratesThatOne(String installation) {
        Map<String, String> databases = Map.of("profile-service", "hearken_profile",
                "insight-service", "hearken_insight", "webhook-service", "hearken_webhook");
        for (Map.Entry<String, String> service : databases.entrySet()) {
            String name = "hearken-" + service.getKey();
            assertEquals(service.getValue(), configMapOf(installation, name).path("data").path("POSTGRES_DB").asText(),
                    name);
            Manifest job = Renderings.ofKind(installation, "Job").stream()
                    .filter(candidate -> candidate.name().equals(name + "-migrate")).findFirst()
                    .orElseThrow(() -> new AssertionError("no migration Job for " + name));
            assertEquals(service.getValue(), job.environmentVariable("POSTGRES_DB").orElseThrow()
                    .path("value").asText(), job::toString);
        }
    }

    /**
     * The gateway relays /v1/webhooks and the public inbound route to webhook-service's Service, webhook-service hands
     * inbound feedback to survey-service's, and in production no private network is open to deliveries.
     */
    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void webhookServiceIsWiredToTheGatewayAndSurveyService(String installation) {
        assertEquals("http://hearken-webhook-service:8084", configMapOf(installation, "hearken-gateway")
                .path("data").path("WEBHOOK_SERVICE_URL").asText());
        JsonNode webhook = configMapOf(installation, "hearken-webhook-service").path("data");
        assertEquals("http://hearken-survey-service:8081", webhook.path("SURVEY_SERVICE_URL").asText());
        assertEquals("", webhook.path("HEARKEN_WEBHOOK_ALLOWED_NETWORKS").asText("missing"));
    }

    @Test
    void privateNetworksNamedInTheValuesReachTheServiceAsOneList() {
        JsonNode webhook = Chart.hearken().with("webhooks.allowedNetworks[0]", "10.1.0.0/16")
                .with("webhooks.allowedNetworks[1]", "fd00:1::/64").render().stream()
                .filter(manifest -> manifest.kind().equals("ConfigMap")
                        && manifest.name().equals("hearken-webhook-service"))
                .findFirst().orElseThrow().tree().path("data");

        assertEquals("10.1.0.0/16,fd00:1::/64", webhook.path("HEARKEN_WEBHOOK_ALLOWED_NETWORKS").asText());
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServiceHasAKubernetesProfile(String service) {
        Properties properties = applicationProperties(service);

        assertEquals("0.0.0.0", properties.getProperty("%kubernetes.quarkus.management.host"));
        assertEquals("0.0.0.0", properties.getProperty("%kubernetes.quarkus.http.host"));
    }

    @Test
    void theStrimziTopicsAreTheTopicsTheServicesDeclare() {
        Map<String, String> expected = new TreeMap<>();
        for (String service : MODULES.keySet()) {
            Properties properties = applicationProperties(service);
            for (String name : properties.stringPropertyNames()) {
                Matcher declared = DECLARED_TOPIC.matcher(name);
                if (declared.matches()) {
                    String topic = declared.group(1);
                    String setting = declared.group(2).equals("partitions") ? "partitions" : "cleanup.policy";
                    String previous = expected.put(topic + " " + setting, properties.getProperty(name));
                    assertTrue(previous == null || previous.equals(properties.getProperty(name)),
                            () -> topic + " is declared two ways");
                }
            }
        }
        for (String topic : new TreeSet<>(expected.keySet())) {
            expected.putIfAbsent(topic.split(" ")[0] + " cleanup.policy", "delete");
        }
        expected.put("hearken.dead-letters partitions", "3");
        expected.put("hearken.dead-letters cleanup.policy", "delete");
        for (String consumer : consumerNames()) {
            expected.put("hearken.redrive." + consumer + " partitions", "1");
            expected.put("hearken.redrive." + consumer + " cleanup.policy", "delete");
        }

        Map<String, String> rendered = new TreeMap<>();
        for (Manifest topic : Renderings.ofKind(Renderings.PRODUCTION, "KafkaTopic")) {
            JsonNode spec = topic.tree().path("spec");
            rendered.put(spec.path("topicName").asText() + " partitions", spec.path("partitions").asText());
            rendered.put(spec.path("topicName").asText() + " cleanup.policy",
                    spec.path("config").path("cleanup.policy").asText());
            assertEquals("3", spec.path("replicas").asText(), topic::toString);
            assertEquals("2", spec.path("config").path("min.insync.replicas").asText(), topic::toString);
        }
        assertEquals(expected, rendered);
    }

    @Test
    void theConsumerLagAlertWatchesEveryConsumer() {
        String rule = Renderings.ofKind(Renderings.PRODUCTION, "PrometheusRule").get(0).tree().toString();

        for (String consumer : consumerNames()) {
            assertTrue(rule.contains(consumer), () -> "the lag alert misses consumer " + consumer);
        }
    }

    /** Every consumer the services start in the shared consumer loop (each has a redrive topic of its own). */
    private static Set<String> consumerNames() {
        Set<String> names = new TreeSet<>();
        for (String module : MODULES.values()) {
            Path sources = Chart.moduleDirectory().resolveSibling(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                    Matcher consumer = CONSUMER_NAME.matcher(read(file));
                    while (consumer.find()) {
                        names.add(consumer.group(1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertTrue(names.size() >= 10, () -> "too few consumers found: " + names);
        return names;
    }

    private static JsonNode configMapOf(String installation, String name) {
        return Renderings.ofKind(installation, "ConfigMap").stream()
                .filter(configMap -> configMap.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name)).tree();
    }

    /** Names of the variables a service's container gets: its ConfigMap's keys and its own env entries. */
    private static Set<String> environmentOf(String installation, String service) {
        String name = "hearken-" + MODULES.get(service);
        Set<String> variables = new TreeSet<>();
        for (Manifest configMap : Renderings.ofKind(installation, "ConfigMap")) {
            if (configMap.name().equals(name)) {
                configMap.tree().path("data").fieldNames().forEachRemaining(variables::add);
            }
        }
        for (Manifest deployment : Renderings.ofKind(installation, "Deployment")) {
            if (deployment.name().equals(name)) {
                deployment.tree().at("/spec/template/spec/containers/0/env")
                        .forEach(variable -> variables.add(variable.path("name").asText()));
            }
        }
        assertTrue(variables.size() > 3, () -> "no environment found for " + name);
        return variables;
    }

    /** The variable Quarkus reads a property from: a.b-c is A_B_C. */
    private static String environmentForm(String propertyName) {
        return propertyName.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String camelCase(String dashed) {
        Matcher dash = Pattern.compile("-([a-z])").matcher(dashed);
        return dash.replaceAll(letter -> letter.group(1).toUpperCase(Locale.ROOT));
    }

    private static Path moduleDirectory(String service) {
        return Chart.moduleDirectory().resolveSibling(MODULES.get(service));
    }

    private static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(read(moduleDirectory(service)
                    .resolve("src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static JsonNode chartValues() {
        try {
            return new YAMLMapper()
                    .readTree(Chart.moduleDirectory().resolve("hearken/values.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        return Chart.read(file);
    }
}
