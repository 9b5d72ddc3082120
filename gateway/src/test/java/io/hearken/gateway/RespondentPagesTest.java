package io.hearken.gateway;

import io.hearken.gateway.pages.RespondentPages;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The respondent's page as the gateway serves it: the same page for every survey link, its own files only, under a
 * Content-Security-Policy that lets it run nothing but those files and call nothing but its own origin; gzipped for
 * browsers that take it; and nothing else under its prefix. The widget's files (the loader a customer's site
 * includes, its module and styles) are among them, readable from any origin.
 */
@QuarkusTest
class RespondentPagesTest {

    private static final Pattern IMPORT = Pattern.compile("from '\\./([\\w.-]+)'");

    @Test
    void aSurveyLinkOpensThePageWithItsSecurityHeaders() {
        String surveyId = UUID.randomUUID().toString();
        given().when().get("/respond/" + surveyId + "?invitation=inv1.abc").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo(RespondentPages.CONTENT_SECURITY_POLICY))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", containsString("max-age="))
                .header("Cache-Control", "no-cache")
                .body(containsString("<script type=\"module\" src=\"/respond/assets/respond.js\"></script>"))
                .body(not(containsString("<script>")))
                .body(not(containsString("style=")));
        given().when().head("/respond/" + surveyId).then().statusCode(200).body(emptyString());
    }

    @Test
    void theCspAllowsOnlyThePagesOwnOriginAndIsDocumented() throws IOException {
        String policy = RespondentPages.CONTENT_SECURITY_POLICY;
        assertTrue(policy.startsWith("default-src 'none'"), policy);
        for (String directive : policy.split(";")) {
            String[] parts = directive.trim().split(" ");
            for (int i = 1; i < parts.length; i++) {
                assertTrue(parts[i].equals("'self'") || parts[i].equals("'none'"), "only self: " + directive);
            }
        }
        String security = Files.readString(TestInfrastructure.repositoryRoot().resolve("docs/security.md"));
        assertTrue(security.contains(policy), "docs/security.md states the respondent page's policy as served");
    }

    @Test
    void everyFileThePageLoadsIsServedGzippedToBrowsersThatTakeIt() {
        String page = given().when().get("/respond/s1").then().statusCode(200).extract().asString();
        for (String file : RespondentPages.files()) {
            Response plain = given().header("Accept-Encoding", "identity").when().get("/respond/assets/" + file);
            plain.then().statusCode(200)
                    .header("Content-Security-Policy", equalTo(RespondentPages.CONTENT_SECURITY_POLICY))
                    .header("Cache-Control", containsString("max-age="))
                    .header("ETag", not(emptyString()));
            Response zipped = given().header("Accept-Encoding", "gzip, deflate, br")
                    .when().get("/respond/assets/" + file);
            zipped.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding");
            String text = plain.asString();
            if (file.endsWith(".js") || file.endsWith(".css")) {
                assertTrue(page.contains("/respond/assets/" + file) || !file.endsWith(".css") && imported(file)
                                || file.equals("widget.js") || loadedByTheWidget(file),
                        file + " is named by the page, imported by one of its scripts, or loaded by the widget");
            }
            if (file.endsWith(".js")) {
                Matcher imports = IMPORT.matcher(text);
                while (imports.find()) {
                    assertTrue(RespondentPages.files().contains(imports.group(1)), file + " imports "
                            + imports.group(1) + ", which the gateway does not serve");
                }
            }
            given().header("If-None-Match", plain.header("ETag")).when().get("/respond/assets/" + file)
                    .then().statusCode(304);
        }
    }

    @Test
    void gzipIsUnpackedToTheSameFile() throws IOException, InterruptedException {
        byte[] plain = given().header("Accept-Encoding", "identity").when().get("/respond/assets/respond.js")
                .then().statusCode(200).extract().asByteArray();
        // REST Assured unpacks gzip itself: read the bytes on the wire with the JDK's client instead.
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/respond/assets/respond.js"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", answer.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(answer.body().length < plain.length, "gzipped is smaller");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(answer.body()))) {
            assertEquals(new String(plain, StandardCharsets.UTF_8), new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void nothingElseIsServedUnderThePagesPrefix() {
        given().when().get("/respond/assets/nothing-here.js").then().statusCode(404)
                .contentType("application/problem+json")
                .header("Content-Security-Policy", equalTo(RespondentPages.CONTENT_SECURITY_POLICY));
        given().when().get("/respond/not%20a%20survey").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().post("/respond/s1").then().statusCode(not(equalTo(200)));
    }

    @Test
    void theWidgetsFilesLoadFromAnyOriginWithoutCredentials() {
        for (String file : RespondentPages.files()) {
            given().header("Origin", "https://shop.example.com").when().get("/respond/assets/" + file)
                    .then().statusCode(200)
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Allow-Credentials", nullValue());
        }
        String loader = given().when().get("/respond/assets/widget.js").asString();
        assertTrue(loader.contains("document.currentScript") && loader.contains("'widget-app.js'"),
                "the loader reads its own tag and imports the widget's module from where it came from");
    }

    /** Named by widget.js (its module) or by widget-app.js (its styles, the page's styles it reuses). */
    private static boolean loadedByTheWidget(String file) {
        return given().when().get("/respond/assets/widget.js").asString().contains("'" + file + "'")
                || given().when().get("/respond/assets/widget-app.js").asString().contains("}" + file + "`");
    }

    private static boolean imported(String file) {
        return RespondentPages.files().stream().filter(other -> other.endsWith(".js"))
                .map(other -> given().when().get("/respond/assets/" + other).asString())
                .anyMatch(text -> text.contains("from './" + file + "'"));
    }
}
