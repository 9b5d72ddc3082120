package io.hearken.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a manifest against the Kubernetes API types of its apiVersion and kind, strictly: a field the type does not
 * have is an error, as it is for {@code kubectl apply --validate=strict}.
 *
 * <p>The types are fabric8's kubernetes-model (generated from the Kubernetes OpenAPI, CRDs included), so the check
 * runs offline. Those classes keep unknown fields in an {@code additionalProperties} map (a Jackson any-setter)
 * instead of failing, so turning on FAIL_ON_UNKNOWN_PROPERTIES alone proves nothing: after binding, every object in
 * the result is walked and any field that landed in such a map is reported with its path. Wrong value types (text
 * for a number, a map for a list) fail in the binding itself. Strimzi's KafkaTopic has no type here; its spec is
 * checked against the fields Strimzi's CRD allows.
 */
final class StrictApiTypes {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    /** What Strimzi's KafkaTopic CRD (kafka.strimzi.io/v1beta2) allows in a spec. */
    private static final Set<String> KAFKA_TOPIC_SPEC_FIELDS = Set.of("topicName", "partitions", "replicas", "config");
    private static final Set<String> OBJECT_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec");

    private StrictApiTypes() {
    }

    /** The problems of one manifest; empty when it is a valid object of a known type. */
    static List<String> problems(Manifest manifest) {
        String type = manifest.apiVersion() + "/" + manifest.kind();
        if (type.equals("kafka.strimzi.io/v1beta2/KafkaTopic")) {
            return kafkaTopicProblems(manifest.tree());
        }
        Class<?> apiType = TYPES.get(type);
        if (apiType == null) {
            return List.of(manifest + ": no Kubernetes API type known for " + type);
        }
        Object bound;
        try {
            bound = JSON.treeToValue(manifest.tree(), apiType);
        } catch (Exception e) {
            return List.of(manifest + ": does not bind to " + apiType.getSimpleName() + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        collectUnknownFields(bound, manifest.toString(), problems);
        return problems;
    }

    private static void collectUnknownFields(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + index++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> collectUnknownFields(item, path + "." + key, problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + unknown.keySet());
                    }
                } else {
                    collectUnknownFields(fieldValue, path + "." + field.getName(), problems);
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static List<String> kafkaTopicProblems(JsonNode topic) {
        List<String> problems = new ArrayList<>();
        String name = "KafkaTopic/" + topic.path("metadata").path("name").asText();
        topic.fieldNames().forEachRemaining(field -> {
            if (!OBJECT_FIELDS.contains(field)) {
                problems.add(name + ": unknown field " + field);
            }
        });
        JsonNode spec = topic.path("spec");
        spec.fieldNames().forEachRemaining(field -> {
            if (!KAFKA_TOPIC_SPEC_FIELDS.contains(field)) {
                problems.add(name + ": unknown field spec." + field);
            }
        });
        if (!spec.path("partitions").isInt() || spec.path("partitions").asInt() < 1) {
            problems.add(name + ": spec.partitions must be a positive integer");
        }
        if (!spec.path("replicas").isInt() || spec.path("replicas").asInt() < 1) {
            problems.add(name + ": spec.replicas must be a positive integer");
        }
        if (!spec.path("config").isObject()) {
            problems.add(name + ": spec.config must be an object");
        }
        if (!topic.path("metadata").path("labels").has("strimzi.io/cluster")) {
            problems.add(name + ": the strimzi.io/cluster label names the cluster that owns the topic");
        }
        return problems;
    }
}
