package io.hearken.gateway;

import io.hearken.testing.KeycloakTokens;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's corpus of hostile requests ({@code hostile-requests.csv}): bad tokens of every kind, oversized
 * headers, encoded traversal. Each is sent on a raw socket, exactly as written, and must get its problem (never a
 * 500, never a hang: the socket gives up after 20 s), with nothing reaching a service.
 */
@QuarkusTest
class HostileRequestsTest {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Map<String, String> TOKENS = new HashMap<>();

    private final String keycloakUrl = TestInfrastructure.keycloakUrl();

    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = HostileRequestsTest.class.getResourceAsStream("/hostile-requests.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(",", -1))
                    .map(cells -> Arguments.of(cells[0], cells[1], cells[2], cells[3], cells[4],
                            Integer.parseInt(cells[5].trim())))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAProblem(String name, String method, String rawPath, String tokenKind, String extraHeader,
                               int status) throws Exception {
        int before = RecordingUpstreamResource.RECEIVED.size();

        RawHttp.Answer answer = RawHttp.send(method, rawPath, token(tokenKind), headerLines(extraHeader));

        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/problem+json"),
                "content type " + answer.contentType());
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals(status, problem.getInt("status"));
        assertTrue(!answer.body().contains("Exception") && !answer.body().contains("\tat "), answer.body());
        assertEquals(before, RecordingUpstreamResource.RECEIVED.size(), "nothing may reach a service");
    }

    private String token(String kind) throws Exception {
        if (kind.equals("none")) {
            return null;
        }
        synchronized (TOKENS) {
            if (!TOKENS.containsKey(kind)) {
                TOKENS.put(kind, newToken(kind));
            }
            return TOKENS.get(kind);
        }
    }

    private String newToken(String kind) throws Exception {
        String issuer = keycloakUrl + "/realms/hearken";
        String claims = """
                {"iss": "%s", "aud": "hearken-gateway", "sub": "mallory", "tenant": "acme",
                 "realm_access": {"roles": ["admin"]}, "iat": %d, "exp": %d}"""
                .formatted(issuer, Instant.now().getEpochSecond(), Instant.now().plusSeconds(600).getEpochSecond());
        return switch (kind) {
            case "empty" -> "";
            case "garbage" -> "not.a.token";
            case "oversized" -> "x".repeat(20_000);
            case "alg-none" -> encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims) + ".";
            case "foreign-key" -> signedWithAKeyOfOurOwn(claims);
            case "tampered" -> tampered(KeycloakTokens.forUser(keycloakUrl, "gina"));
            case "other-realm" -> KeycloakTokens.fromMasterRealm(keycloakUrl);
            case "other-audience" -> KeycloakTokens.forClient(keycloakUrl, "hearken-reporting-app",
                    "reporting-secret-acme");
            case "expired" -> expired();
            case "no-tenant" -> KeycloakTokens.forClient(keycloakUrl, "hearken-test-no-tenant",
                    "test-secret-no-tenant");
            case "odd-tenant" -> KeycloakTokens.forClient(keycloakUrl, "hearken-test-odd-tenant",
                    "test-secret-odd-tenant");
            case "admin" -> KeycloakTokens.forUser(keycloakUrl, "alice");
            default -> throw new IllegalArgumentException("no token kind " + kind);
        };
    }

    /** A token of a client whose tokens live 1 s, used once it expired. */
    private String expired() throws InterruptedException {
        String token = KeycloakTokens.forClient(keycloakUrl, "hearken-test-short-lived", "test-secret-short-lived");
        Thread.sleep(2_500);
        return token;
    }

    /** Gina's real token (tenant globex) with its tenant changed to acme after Keycloak signed it. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return parts[0] + "." + encode(payload.replace("\"globex\"", "\"acme\"")) + "." + parts[2];
    }

    private static String signedWithAKeyOfOurOwn(String claims) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String signed = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + UUID.randomUUID() + "\"}") + "."
                + encode(claims);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(pair.getPrivate());
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + BASE64URL.encodeToString(signature.sign());
    }

    /** {@code Name: value}, {@code Name=<n>} (one header of n bytes) or {@code Name*<n>} (n headers). */
    private static String headerLines(String spec) {
        if (spec.isBlank()) {
            return "";
        }
        if (spec.contains(": ")) {
            return spec + "\r\n";
        }
        if (spec.contains("*")) {
            String name = spec.substring(0, spec.indexOf('*'));
            int count = Integer.parseInt(spec.substring(spec.indexOf('*') + 1));
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < count; i++) {
                lines.append(name).append('-').append(i).append(": ").append("v".repeat(40)).append("\r\n");
            }
            return lines.toString();
        }
        String name = spec.substring(0, spec.indexOf('='));
        return name + ": " + "p".repeat(Integer.parseInt(spec.substring(spec.indexOf('=') + 1))) + "\r\n";
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
