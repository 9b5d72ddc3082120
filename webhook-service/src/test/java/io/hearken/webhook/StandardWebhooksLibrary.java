package io.hearken.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hearken.webhook.domain.WebhookSecret;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The official Standard Webhooks library (npm {@code standardwebhooks}, version locked in
 * {@code src/test/node/package-lock.json}), run with the machine's Node through {@code src/test/node/signatures.js},
 * so that our signatures are judged by code that is not our own. {@code ./hearken test} installs Node and the package
 * before Maven runs and sets {@code HEARKEN_REQUIRE_TEST_TOOLS=1}: then a missing Node or package fails the test.
 * Run another way ({@code ./mvnw test}, an IDE) without them, the test is skipped and says how to install them.
 */
public final class StandardWebhooksLibrary {

    /** Set by {@code ./hearken test}, which has installed the tools: their absence is then a failure. */
    static final String REQUIRED = "HEARKEN_REQUIRE_TEST_TOOLS";
    private static final Path DIRECTORY = Path.of("src/test/node").toAbsolutePath();
    private static final String PACKAGE = "standardwebhooks";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What is missing, looked for once per run. */
    private static Optional<String> missing;

    private StandardWebhooksLibrary() {
    }

    /** One message as a receiver sees it. */
    public record Message(String id, long timestamp, String signatureHeader, String payload) {
    }

    /** Fails (under {@code ./hearken test}) or skips (elsewhere) unless Node and the locked package are installed. */
    public static synchronized void requireInstalled() {
        if (missing == null) {
            missing = Optional.ofNullable(installationProblem());
        }
        if (missing.isEmpty()) {
            return;
        }
        String how = missing.get() + ". ./hearken test installs it (infra/scripts/test-tools.sh); by hand: cd "
                + DIRECTORY + " && npm ci";
        if ("1".equals(System.getenv(REQUIRED))) {
            Assertions.fail(how);
        }
        Assumptions.abort(how);
    }

    /** Whether the library accepts {@code message} as signed with {@code secret} (at the current time). */
    public static boolean verifies(WebhookSecret secret, Message message) {
        return verify(List.of(new Verification(secret, message))).get(0);
    }

    /** The library's verdicts on several messages, in one run of Node. */
    public static List<Boolean> verify(List<Verification> verifications) {
        ArrayNode requests = JSON.createArrayNode();
        for (Verification verification : verifications) {
            ObjectNode headers = JSON.createObjectNode()
                    .put("webhook-id", verification.message().id())
                    .put("webhook-timestamp", String.valueOf(verification.message().timestamp()))
                    .put("webhook-signature", verification.message().signatureHeader());
            requests.addObject().put("action", "verify").put("secret", verification.secret().text())
                    .put("payload", verification.message().payload()).set("headers", headers);
        }
        List<Boolean> verdicts = new ArrayList<>();
        for (JsonNode answer : run(requests)) {
            verdicts.add(answer.path("valid").asBoolean(false));
        }
        return verdicts;
    }

    /** The library's {@code v1,} signature of a message. */
    public static String sign(WebhookSecret secret, String id, long timestamp, String payload) {
        ArrayNode requests = JSON.createArrayNode();
        requests.addObject().put("action", "sign").put("secret", secret.text()).put("id", id)
                .put("timestamp", timestamp).put("payload", payload);
        return run(requests).get(0).path("signature").asText();
    }

    /** A message and the secret it is checked against. */
    public record Verification(WebhookSecret secret, Message message) {
    }

    private static String installationProblem() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
                return "node does not run";
            }
        } catch (IOException e) {
            return "node is not installed (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while looking for node";
        }
        try {
            Path installed = DIRECTORY.resolve("node_modules/" + PACKAGE + "/package.json");
            if (!Files.exists(installed)) {
                return "the npm package " + PACKAGE + " is not installed in " + DIRECTORY;
            }
            String locked = JSON.readTree(DIRECTORY.resolve("package-lock.json").toFile())
                    .path("packages").path("node_modules/" + PACKAGE).path("version").asText();
            String version = JSON.readTree(installed.toFile()).path("version").asText();
            if (!version.equals(locked)) {
                return "the npm package " + PACKAGE + " installed is " + version + ", the lock says " + locked;
            }
            return null;
        } catch (IOException e) {
            return "the npm package " + PACKAGE + " cannot be read: " + e.getMessage();
        }
    }

    private static JsonNode run(ArrayNode requests) {
        try {
            Path errors = Files.createTempFile("standardwebhooks", ".err");
            Process node = new ProcessBuilder("node", "signatures.js").directory(DIRECTORY.toFile())
                    .redirectError(errors.toFile()).start();
            try (OutputStream stdin = node.getOutputStream()) {
                stdin.write(JSON.writeValueAsBytes(requests));
            }
            byte[] output = node.getInputStream().readAllBytes();
            if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
                node.destroyForcibly();
                throw new AssertionError("node signatures.js failed: " + Files.readString(errors));
            }
            Files.deleteIfExists(errors);
            JsonNode answers = JSON.readTree(new String(output, StandardCharsets.UTF_8));
            Assertions.assertEquals(requests.size(), answers.size(), "one answer per request");
            return answers;
        } catch (IOException e) {
            throw new AssertionError("could not run node signatures.js", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running node", e);
        }
    }
}
