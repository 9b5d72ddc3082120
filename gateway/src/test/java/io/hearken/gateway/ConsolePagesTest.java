package io.hearken.gateway;

import io.hearken.gateway.pages.ConsolePages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CX console as the gateway serves it: one page for every screen, its files and the charting library under a
 * Content-Security-Policy that lets it run nothing but them and talk to nothing but this origin and Keycloak; the
 * login settings it reads; and nothing else under its prefix.
 */
@QuarkusTest
class ConsolePagesTest {

    /** A static import ({@code from './x.js'}) or a module loaded when needed ({@code import('./x.js')}). */
    private static final Pattern IMPORT = Pattern.compile("(?:from |import\\()'([\\w./-]+)'");

    @Inject
    ConsolePages console;

    @Test
    void theConsoleIsOnePageWithItsSecurityHeaders() {
        given().when().get("/console/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo(console.contentSecurityPolicy()))
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .body(containsString("<script type=\"module\" src=\"/console/assets/console.js\"></script>"))
                .body(not(containsString("<script>")))
                .body(not(containsString("style=")));
        given().when().head("/console/").then().statusCode(200).body(emptyString());
        // Keycloak's answer may come back to the address without its slash: the code and state go along
        given().redirects().follow(false).when().get("/console?code=c1&state=s1").then().statusCode(302)
                .header("Location", endsWith("/console/?code=c1&state=s1"));
    }

    @Test
    void thePolicyAllowsThisOriginAndKeycloaksTokenEndpointOnly() {
        String policy = console.contentSecurityPolicy();
        String issuer = given().when().get("/console/config.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Content-Security-Policy", equalTo(policy))
                .extract().path("issuer");
        String keycloak = issuer.substring(0, issuer.indexOf("/realms/"));
        assertTrue(policy.startsWith("default-src 'none'"), policy);
        for (String directive : policy.split(";")) {
            String[] parts = directive.trim().split(" ");
            for (int i = 1; i < parts.length; i++) {
                boolean keycloakForTokens = parts[0].equals("connect-src") && parts[i].equals(keycloak);
                assertTrue(parts[i].equals("'self'") || parts[i].equals("'none'") || keycloakForTokens,
                        "only self, and Keycloak for tokens: " + directive);
            }
        }
    }

    @Test
    void theLoginSettingsNameTheRealmsEndpointsAndThePublicClient() {
        Response settings = given().when().get("/console/config.json");
        settings.then().statusCode(200).body("clientId", equalTo("hearken-web"))
                .body("issuer", endsWith("/realms/hearken"));
        String issuer = settings.path("issuer");
        assertEquals(issuer + "/protocol/openid-connect/auth", settings.path("authorizationEndpoint"));
        assertEquals(issuer + "/protocol/openid-connect/token", settings.path("tokenEndpoint"));
        assertEquals(issuer + "/protocol/openid-connect/logout", settings.path("endSessionEndpoint"));
    }

    @Test
    void everyFileIsServedGzippedAndEveryImportIsAFileTheGatewayServes() {
        String page = given().when().get("/console/").then().statusCode(200).extract().asString();
        for (String file : ConsolePages.files()) {
            Response plain = given().header("Accept-Encoding", "identity").when().get("/console/assets/" + file);
            plain.then().statusCode(200)
                    .header("Content-Security-Policy", equalTo(console.contentSecurityPolicy()))
                    .header("Cache-Control", containsString("max-age="))
                    .header("ETag", not(emptyString()));
            given().header("Accept-Encoding", "gzip").when().get("/console/assets/" + file)
                    .then().statusCode(200).header("Content-Encoding", "gzip");
            given().header("If-None-Match", plain.header("ETag")).when().get("/console/assets/" + file)
                    .then().statusCode(304);
            if (file.endsWith(".js")) {
                Matcher imports = IMPORT.matcher(plain.asString());
                while (imports.find()) {
                    String target = imports.group(1);
                    String url = target.startsWith("./") ? "/console/assets/" + target.substring(2) : target;
                    given().when().get(url).then().statusCode(200).contentType(containsString("text/javascript"));
                }
                assertTrue(page.contains("/console/assets/" + file) || imported(file), file + " is loaded");
            }
        }
    }

    @Test
    void theChartingLibraryComesFromItsWebjarGzippedAndKeptForAYear() {
        // The page is told where: the name carries the webjar's version, chosen in the pom alone
        String library = given().when().get("/console/config.json").then().statusCode(200)
                .extract().path("chartsLibrary");
        Matcher versioned = Pattern.compile("/console/lib/echarts-(\\d+\\.\\d+\\.\\d+)\\.common\\.min\\.js")
                .matcher(library);
        assertTrue(versioned.matches(), library);
        given().header("Accept-Encoding", "gzip").when().get(library).then().statusCode(200)
                .contentType(containsString("text/javascript"))
                .header("Content-Encoding", "gzip")
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .header("Content-Security-Policy", equalTo(console.contentSecurityPolicy()));
        // The webjar is unpacked, not on the classpath: Quarkus serves none of it beside the gateway's routes
        given().when().get("/webjars/echarts/" + versioned.group(1) + "/dist/echarts.min.js").then().statusCode(404);
    }

    @Test
    void nothingElseIsServedUnderTheConsolesPrefix() {
        given().when().get("/console/assets/nothing-here.js").then().statusCode(404)
                .contentType("application/problem+json")
                .header("Content-Security-Policy", equalTo(console.contentSecurityPolicy()));
        given().when().get("/console/lib/echarts.js").then().statusCode(404);
        given().when().get("/console/surveys/s1").then().statusCode(404).contentType("application/problem+json");
        given().when().post("/console/").then().statusCode(not(equalTo(200)));
    }

    private static boolean imported(String file) {
        return ConsolePages.files().stream().filter(other -> other.endsWith(".js"))
                .map(other -> given().when().get("/console/assets/" + other).asString())
                .anyMatch(text -> text.contains("from './" + file + "'") || text.contains("import('./" + file + "')"));
    }
}
