package io.hearken.survey.rest;

import com.sun.net.httpserver.HttpServer;
import io.hearken.testing.MailInbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Before an invitation goes out, profile-service is asked whether the customer may be contacted (its contact-check
 * contract, issue 14); here a stand-in answers as that contract says: allowed, refused with a reason, or unknown
 * customer (404, which may be invited). A refused invitation is skipped with its reason and nothing is sent.
 */
@QuarkusTest
@TestProfile(ContactCheckTest.WithContactCheck.class)
class ContactCheckTest {

    /** The contact check against the profile-service stand-in below. */
    public static class WithContactCheck implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hearken.invitations.contact-check", "true",
                    "quarkus.rest-client.profile-service.url", "http://127.0.0.1:" + PROFILES.getAddress().getPort());
        }
    }

    static final HttpServer PROFILES = profileServiceStandIn();

    @ConfigProperty(name = "MAIL_API_URL", defaultValue = "http://127.0.0.1:8025")
    String mailApi;

    /** Answers GET /v1/profiles/contact-check by customer id: C-OK allowed, C-NO refused, anyone else unknown. */
    private static HttpServer profileServiceStandIn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.createContext("/v1/profiles/contact-check", exchange -> {
                String query = exchange.getRequestURI().getQuery();
                int status = query.contains("customerId=C-OK") || query.contains("customerId=C-NO") ? 200 : 404;
                String body = query.contains("customerId=C-OK") ? "{\"allowed\": true, \"reason\": null}"
                        : query.contains("customerId=C-NO") ? "{\"allowed\": false, \"reason\": \"no-consent\"}" : "";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCustomerWhoDidNotConsentIsSkippedWithTheReasonAndNotMailed() {
        String surveyId = given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme").body("""
                        {"name": "Consent", "publish": true, "title": {"en": "T"},
                         "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "?"}}]}""")
                .when().post("/v1/surveys").then().statusCode(201).extract().path("id");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "acme")
                .body(Map.of("channel", "email", "recipients", List.of(
                        Map.of("customerId", "C-OK", "email", "ok-" + tag + "@example.com"),
                        Map.of("customerId", "C-NO", "email", "no-" + tag + "@example.com"),
                        Map.of("customerId", "C-NEW", "email", "new-" + tag + "@example.com"))))
                .when().post("/v1/surveys/{id}/invitations/batch", surveyId)
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/invitations/stats", surveyId)
                .then().statusCode(200)
                .body("email.byStatus.SENT", equalTo(2))
                .body("email.byStatus.SKIPPED", equalTo(1)));
        MailInbox.firstMail(mailApi, "ok-" + tag + "@example.com", Duration.ofSeconds(10));
        MailInbox.firstMail(mailApi, "new-" + tag + "@example.com", Duration.ofSeconds(10));
        given().baseUri(mailApi).when().get("/api/user/no-" + tag + "@example.com/messages/INBOX")
                .then().statusCode(400);
    }
}
