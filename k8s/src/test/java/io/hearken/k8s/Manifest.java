package io.hearken.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One rendered Kubernetes object, read as a JSON tree, with the few accessors the chart's checks share. */
record Manifest(ObjectNode tree) {

    String apiVersion() {
        return tree.path("apiVersion").asText();
    }

    String kind() {
        return tree.path("kind").asText();
    }

    String name() {
        return tree.path("metadata").path("name").asText();
    }

    boolean isHook() {
        return tree.path("metadata").path("annotations").has("helm.sh/hook");
    }

    /** The pod template of a workload (Deployment, Job), if this is one. */
    Optional<JsonNode> podTemplate() {
        return switch (kind()) {
            case "Deployment", "Job" -> Optional.of(tree.path("spec").path("template"));
            default -> Optional.empty();
        };
    }

    /** An env entry of the workload's first container (name with value or valueFrom), if it sets that variable. */
    Optional<JsonNode> environmentVariable(String name) {
        for (JsonNode variable : podTemplate().orElseThrow().at("/spec/containers/0/env")) {
            if (variable.path("name").asText().equals(name)) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    /** Whether a label selector's matchLabels select an object with these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        return labels.entrySet().containsAll(labels(selector.path("matchLabels")).entrySet());
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    @Override
    public String toString() {
        return kind() + "/" + name();
    }
}
