package io.hearken.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hearken's chart as Helm renders it, through helm-java: Helm's own engine compiled into a native library that ships
 * in the jar, so rendering needs neither a helm binary, nor a cluster, nor the network. Values files and
 * {@code --set} overrides are passed as an operator would pass them.
 */
final class Chart {

    static final String RELEASE = "hearken";
    static final String NAMESPACE = "hearken";

    /** A key written twice in one mapping is an error (Kubernetes' strict decoding refuses it too). */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** What the hook lens renames helm.sh/hook to, so that Helm keeps the hooks in the manifest. */
    private static final String RENAMED_HOOK = "hook-lens/renamed-hook";

    private final Path directory;
    private final List<Path> valuesFiles = new ArrayList<>();
    private final Map<String, Object> overrides = new LinkedHashMap<>();

    private Chart(Path directory) {
        this.directory = directory;
    }

    /** The chart in k8s/hearken, found through the property the build sets (or the module directory). */
    static Chart hearken() {
        return new Chart(moduleDirectory().resolve("hearken"));
    }

    static Path moduleDirectory() {
        String chart = System.getProperty("hearken.chart.dir");
        return chart != null ? Path.of(chart).getParent() : Path.of("").toAbsolutePath();
    }

    /** The production-like values an SRE starts from (k8s/values-production.yaml). */
    static Path productionValues() {
        return moduleDirectory().resolve("values-production.yaml");
    }

    Chart withValues(Path valuesFile) {
        valuesFiles.add(valuesFile);
        return this;
    }

    Chart with(String key, Object value) {
        overrides.put(key, value);
        return this;
    }

    /** Renders the chart as {@code helm template}; a schema violation or a failed {@code required} throws. */
    String renderText() {
        TemplateCommand template = new Helm(directory).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE);
        valuesFiles.forEach(template::withValuesFile);
        overrides.forEach(template::set);
        return template.call();
    }

    /**
     * Every rendered manifest, hooks included: the release's manifest as {@code helm template} gives it, then the
     * hooks, which helm-java's template leaves out (it returns the release's manifest only) and which the test chart
     * src/test/helm/hook-lens renders from the same templates with the same values.
     */
    List<Manifest> render() {
        List<Manifest> manifests = new ArrayList<>(parse(renderText()));
        for (Manifest rendered : parse(renderThroughHookLens())) {
            if (rendered.tree().path("metadata").path("annotations") instanceof ObjectNode annotations
                    && annotations.has(RENAMED_HOOK)) {
                annotations.set("helm.sh/hook", annotations.remove(RENAMED_HOOK));
                manifests.add(rendered);
            }
        }
        return manifests;
    }

    private String renderThroughHookLens() {
        Path lens = null;
        try {
            lens = Files.createTempDirectory(moduleDirectory().resolve("target"), "hook-lens");
            copyTree(moduleDirectory().resolve("src/test/helm/hook-lens"), lens);
            copyTree(directory, lens.resolve("charts/hearken"));
            List<String> templates;
            try (var files = Files.list(directory.resolve("templates"))) {
                templates = files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".yaml")).sorted().toList();
            }
            JsonNode chartMetadata = YAML.readTree(directory.resolve("Chart.yaml").toFile());
            TemplateCommand template = new Helm(lens).template().withName(RELEASE).withNamespace(NAMESPACE)
                    .set("lens.templates", String.join(",", templates))
                    .set("lens.chartVersion", chartMetadata.path("version").asText())
                    .set("lens.appVersion", chartMetadata.path("appVersion").asText());
            for (Path valuesFile : valuesFiles) {
                ObjectNode nested = YAML.createObjectNode();
                nested.set("hearken", YAML.readTree(valuesFile.toFile()));
                Path nestedFile = lens.resolve("values-" + valuesFile.getFileName());
                YAML.writeValue(nestedFile.toFile(), nested);
                template.withValuesFile(nestedFile);
            }
            overrides.forEach((key, value) -> template.set("hearken." + key, value));
            return template.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(lens);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Manifest> parse(String rendered) {
        List<Manifest> manifests = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(rendered)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object && !object.isEmpty()) {
                    manifests.add(new Manifest(object));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifests;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** {@code helm lint --strict} on the chart with its default values. */
    LintResult lint() {
        return new Helm(directory).lint().strict().call();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
