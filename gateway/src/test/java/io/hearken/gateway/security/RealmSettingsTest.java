package io.hearken.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Keycloak realms the project ships: the production realm is safe as imported (brute-force protection, no
 * password grant, PKCE for the browser client, no users or shared secrets), and the demo realm says it is a demo.
 * Every client that may call the API adds the gateway's audience, which the gateway requires.
 */
class RealmSettingsTest {

    private static JsonNode realm(String file) throws IOException {
        return new ObjectMapper().readTree(TestInfrastructure.repositoryRoot().resolve("infra/keycloak/" + file)
                .toFile());
    }

    @Test
    void theProductionRealmIsSafeAsImported() throws IOException {
        JsonNode realm = realm("hearken-realm-production.json");

        assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force protection");
        assertEquals("all", realm.path("sslRequired").asText());
        assertEquals(0, realm.path("users").size(), "no users, no known passwords");
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), id + ": no password grant");
            assertFalse(client.path("implicitFlowEnabled").asBoolean(), id + ": no implicit flow");
            if (client.path("publicClient").asBoolean()) {
                assertEquals("S256", client.path("attributes").path("pkce.code.challenge.method").asText(),
                        id + ": PKCE");
                assertFalse(client.path("redirectUris").toString().contains("localhost"), id + ": redirect URIs");
                assertFalse(client.path("webOrigins").toString().contains("\"*\""), id + ": named web origins");
            }
            assertFalse(client.has("secret"), id + ": secrets are generated per installation, never shipped");
        }
    }

    @Test
    void theConsoleTheGatewayServesMayLogInWithThePublicClient() throws IOException {
        for (String file : new String[] {"hearken-realm.json", "hearken-realm-production.json"}) {
            for (JsonNode client : realm(file).path("clients")) {
                if (client.path("clientId").asText().equals("hearken-web")) {
                    assertTrue(client.path("standardFlowEnabled").asBoolean(), file + ": authorization code");
                    assertTrue(client.path("publicClient").asBoolean(), file + ": no secret in a page");
                    assertEquals("S256", client.path("attributes").path("pkce.code.challenge.method").asText());
                    // Keycloak's column holds 255 characters: a longer description fails the realm's import
                    assertTrue(client.path("description").asText().length() <= 255, file + ": description");
                    assertTrue(client.path("redirectUris").toString().matches(".*(localhost:\\*|/console/\\*).*"),
                            file + ": the gateway's /console/ is a redirect URI");
                }
            }
        }
    }

    @Test
    void theDemoRealmSaysItIsADemo() throws IOException {
        assertTrue(realm("hearken-realm.json").path("displayName").asText().contains("DEMO"));
    }

    @Test
    void everyClientThatCallsTheApiAddsTheGatewaysAudience() throws IOException {
        for (String file : new String[] {"hearken-realm.json", "hearken-realm-production.json"}) {
            for (JsonNode client : realm(file).path("clients")) {
                String id = client.path("clientId").asText();
                boolean callsTheApi = id.equals("hearken-web") || id.startsWith("hearken-partner-")
                        || id.startsWith("hearken-test-");
                boolean addsAudience = client.path("protocolMappers").toString().contains("\"hearken-gateway\"");
                if (callsTheApi) {
                    assertTrue(addsAudience, file + " " + id);
                }
            }
        }
    }
}
