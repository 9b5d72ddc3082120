package io.hearken.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the gateway is reachable from outside; each service only from the gateway and the services that call it
 * (their {@code client} packages: survey-service calls profile-service, profile-service calls survey-service,
 * webhook-service hands inbound feedback to survey-service); the management ports only from monitoring; only
 * webhook-service reaches the internet, and there only public addresses; and no pod escapes a NetworkPolicy. The
 * services trust the tenant header the gateway sets, so this isolation is part of their security, not a nicety.
 */
class NetworkIsolationTest {

    private static final int REDIS_PORT = 6379;
    private static final Set<Integer> WEB_PORTS = Set.of(80, 443);
    /** What a delivery to a partner must never reach: the cluster's and the cloud's private and metadata blocks. */
    private static final Set<String> NOT_THE_INTERNET = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8", "fc00::/7", "fe80::/10", "::1/128");

    /** Who may open each service's API port besides nothing else. */
    private static final Map<String, Set<String>> CALLERS = Map.of(
            "survey-service", Set.of("gateway", "profile-service", "webhook-service"),
            "profile-service", Set.of("gateway", "survey-service"),
            "insight-service", Set.of("gateway"),
            "webhook-service", Set.of("gateway"));

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void everyPodIsSelectedByANetworkPolicy(String installation) {
        List<Manifest> policies = Renderings.ofKind(installation, "NetworkPolicy");
        for (Manifest workload : WorkloadInvariantsTest.workloads(installation)) {
            Map<String, String> labels = podLabels(workload);
            // A pre-install hook runs before the release's ordinary resources exist: its policy must be a hook too
            boolean runsBeforeTheRelease = workload.isHook()
                    && workload.tree().at("/metadata/annotations").path("helm.sh/hook").asText().contains("pre-");
            assertTrue(policies.stream().anyMatch(policy -> selects(policy, labels)
                            && (!runsBeforeTheRelease || policy.isHook())),
                    () -> workload + " is selected by no NetworkPolicy in place when it runs");
        }
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void onlyTheGatewayIsExposed(String installation) {
        for (Manifest service : Renderings.ofKind(installation, "Service")) {
            assertEquals("ClusterIP", service.tree().at("/spec/type").asText("ClusterIP"), service::toString);
            assertTrue(service.tree().at("/spec/externalIPs").isMissingNode(), service::toString);
        }
        Set<String> backends = new TreeSet<>();
        for (Manifest ingress : Renderings.ofKind(installation, "Ingress")) {
            ingress.tree().findValues("service").forEach(backend -> backends.add(backend.path("name").asText()));
        }
        for (Manifest route : Renderings.ofKind(installation, "HTTPRoute")) {
            route.tree().findValues("backendRefs").forEach(refs ->
                    refs.forEach(ref -> backends.add(ref.path("name").asText())));
        }
        assertEquals(Set.of("hearken-gateway"), backends);
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void eachServiceAdmitsOnlyItsCallersOnItsApiPort(String installation) {
        for (Map.Entry<String, Set<String>> service : CALLERS.entrySet()) {
            Manifest policy = policyOf(installation, service.getKey());
            Set<String> admitted = new TreeSet<>();
            for (JsonNode rule : ingressRulesOnPort(policy, "http")) {
                assertTrue(rule.has("from"), () -> policy + ": a rule without 'from' admits everyone");
                for (JsonNode peer : rule.path("from")) {
                    assertEquals(List.of("podSelector"), fieldNames(peer),
                            () -> policy + ": only pods of this namespace may call " + service.getKey());
                    admitted.add(peer.at("/podSelector/matchLabels").path("app.kubernetes.io/name").asText());
                }
            }
            assertEquals(new TreeSet<>(service.getValue()), admitted, policy::toString);
        }
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void managementPortsAdmitOnlyMonitoring(String installation) {
        for (String service : WorkloadInvariantsTest.SERVICES) {
            Manifest policy = policyOf(installation, service);
            List<JsonNode> rules = ingressRulesOnPort(policy, "management");
            assertEquals(1, rules.size(), policy::toString);
            JsonNode peers = rules.get(0).path("from");
            assertEquals(1, peers.size(), policy::toString);
            assertTrue(peers.get(0).has("namespaceSelector") && peers.get(0).has("podSelector"), policy::toString);
            for (JsonNode rule : policy.tree().at("/spec/ingress")) {
                assertFalse(rule.path("ports").isMissingNode(), () -> policy + ": a rule for every port");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void egressIsDenyByDefault(String installation) {
        for (Manifest policy : Renderings.ofKind(installation, "NetworkPolicy")) {
            List<String> types = Manifest.elements(policy.tree().at("/spec/policyTypes")).stream()
                    .map(JsonNode::asText).toList();
            assertTrue(types.containsAll(List.of("Ingress", "Egress")), policy::toString);
            for (JsonNode rule : policy.tree().at("/spec/egress")) {
                assertTrue(rule.has("ports"), () -> policy + ": every egress rule names its ports");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void onlyTheGatewayReachesKeycloakAndNoServiceButTheStoresReachesDatabases(String installation) {
        assertTrue(egressPorts(installation, "gateway").contains(443) || egressPorts(installation, "gateway")
                .contains(8443), "the gateway reaches Keycloak");
        assertFalse(egressPorts(installation, "gateway").contains(9092), "the gateway has no Kafka client");
        assertFalse(egressPorts(installation, "insight-service").contains(27017), "only survey-service uses MongoDB");
        assertFalse(egressPorts(installation, "survey-service").contains(5432), "survey-service has no PostgreSQL");
        assertTrue(egressPorts(installation, "webhook-service").containsAll(Set.of(9093, 5432)),
                "webhook-service reads Kafka and keeps its schedule in PostgreSQL");
        assertFalse(egressPorts(installation, "webhook-service").contains(27017), "only survey-service uses MongoDB");
    }

    /**
     * Partners' endpoints are anywhere on the internet, so webhook-service's deliveries may go to any public address
     * on 443 and 80, and to nothing private: a subscription naming an address of the cluster or the cloud's metadata
     * service must not get there even if the service's own check failed. No other service reaches 80 or the
     * internet.
     */
    @ParameterizedTest
    @MethodSource("io.hearken.k8s.Renderings#both")
    void onlyWebhookServiceReachesTheInternetAndOnlyItsPublicAddresses(String installation) {
        List<JsonNode> webRules = new ArrayList<>();
        policyOf(installation, "webhook-service").tree().at("/spec/egress").forEach(rule -> {
            Set<Integer> ports = new TreeSet<>();
            rule.path("ports").forEach(port -> ports.add(port.path("port").asInt()));
            if (ports.equals(WEB_PORTS)) {
                webRules.add(rule);
            }
        });
        assertEquals(1, webRules.size(), "webhook-service reaches partners' endpoints on 443 and 80");
        JsonNode peers = webRules.get(0).path("to");
        assertEquals(2, peers.size(), "IPv4 and IPv6, each as one ipBlock");
        Set<String> cidrs = new TreeSet<>();
        Set<String> excepted = new TreeSet<>();
        for (JsonNode peer : peers) {
            assertEquals(List.of("ipBlock"), fieldNames(peer), peer::toString);
            cidrs.add(peer.at("/ipBlock/cidr").asText());
            peer.at("/ipBlock/except").forEach(block -> excepted.add(block.asText()));
        }
        assertEquals(Set.of("0.0.0.0/0", "::/0"), cidrs);
        assertEquals(NOT_THE_INTERNET, excepted);
        for (String service : List.of("gateway", "survey-service", "profile-service", "insight-service")) {
            assertFalse(egressPorts(installation, service).contains(80), () -> service + " reaches no web server");
            policyOf(installation, service).tree().at("/spec/egress").forEach(rule -> rule.path("to").forEach(peer ->
                    assertFalse(peer.at("/ipBlock/cidr").asText().endsWith("/0"),
                            () -> service + " reaches the whole internet: " + rule)));
        }
    }

    @Test
    void theGatewayReachesRedisOnlyWhenItKeepsItsCountersThereAndOnlyThere() {
        assertFalse(egressPorts(Renderings.DEFAULTS, "gateway").contains(REDIS_PORT), "the trial has no Redis");
        List<JsonNode> rules = new ArrayList<>();
        policyOf(Renderings.PRODUCTION, "gateway").tree().at("/spec/egress").forEach(rule -> {
            if (rule.findValuesAsText("port").contains(String.valueOf(REDIS_PORT))) {
                rules.add(rule);
            }
        });
        assertEquals(1, rules.size(), "the gateway reaches Redis in production");
        assertEquals("redis", rules.get(0).at("/to/0/namespaceSelector/matchLabels")
                .path("kubernetes.io/metadata.name").asText(), "pinned to Redis' namespace, as the values say");
        for (String service : List.of("survey-service", "profile-service", "insight-service", "webhook-service")) {
            assertFalse(egressPorts(Renderings.PRODUCTION, service).contains(REDIS_PORT), () -> service);
        }
    }

    private static Set<Integer> egressPorts(String installation, String service) {
        Set<Integer> ports = new TreeSet<>();
        policyOf(installation, service).tree().at("/spec/egress").forEach(rule ->
                rule.path("ports").forEach(port -> ports.add(port.path("port").asInt())));
        return ports;
    }

    private static Manifest policyOf(String installation, String service) {
        return Renderings.ofKind(installation, "NetworkPolicy").stream()
                .filter(policy -> policy.tree().at("/spec/podSelector/matchLabels")
                        .path("app.kubernetes.io/name").asText().equals(service))
                .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy for " + service));
    }

    private static List<JsonNode> ingressRulesOnPort(Manifest policy, String port) {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode rule : policy.tree().at("/spec/ingress")) {
            for (JsonNode rulePort : rule.path("ports")) {
                if (rulePort.path("port").asText().equals(port)) {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> podLabels(Manifest workload) {
        return Manifest.labels(workload.podTemplate().orElseThrow().path("metadata").path("labels"));
    }

    private static boolean selects(Manifest policy, Map<String, String> labels) {
        return Manifest.selects(policy.tree().at("/spec/podSelector"), labels);
    }
}
