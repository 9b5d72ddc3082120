package io.hearken.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Real access tokens from the run's Keycloak, realm {@code hearken} (see infra/keycloak/hearken-realm.json). */
public final class KeycloakTokens {

    /** Password of every demo user of the realm. */
    public static final String DEMO_PASSWORD = "hearken-demo";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakTokens() {
    }

    /** A user's token through the public frontend client (password grant). */
    public static String forUser(String keycloakUrl, String username) {
        return token(keycloakUrl, Map.of("grant_type", "password", "client_id", "hearken-web",
                "username", username, "password", DEMO_PASSWORD));
    }

    /** A partner's token through its confidential client (client credentials). */
    public static String forClient(String keycloakUrl, String clientId, String secret) {
        return token(keycloakUrl, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** Keycloak's own administrator's token from its {@code master} realm: a real token of another realm. */
    public static String fromMasterRealm(String keycloakUrl) {
        return token(keycloakUrl, "master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"));
    }

    private static String token(String keycloakUrl, Map<String, String> form) {
        return token(keycloakUrl, "hearken", form);
    }

    private static String token(String keycloakUrl, String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(java.time.Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher matcher = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): "
                        + response.body());
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is unreachable at " + keycloakUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
