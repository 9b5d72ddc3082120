package io.hearken.gateway;

import io.hearken.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Every route's roles, both ways, with real Keycloak tokens. */
@QuarkusTest
class AuthorizationTest {

    @ConfigProperty(name = "KEYCLOAK_URL")
    String keycloakUrl;

    private String token(String user) {
        return KeycloakTokens.forUser(keycloakUrl, user);
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "POST, /api/v1/surveys,            alice,  200, survey",
            "POST, /api/v1/surveys,            arthur, 403, ",
            "POST, /api/v1/surveys,            agatha, 403, ",
            "POST, /api/v1/surveys,            nora,   403, ",
            "GET,  /api/v1/surveys/s1,         alice,  200, survey",
            "GET,  /api/v1/surveys/s1,         arthur, 200, survey",
            "GET,  /api/v1/surveys/s1,         agatha, 403, ",
            "GET,  /api/v1/surveys/s1/nps,     arthur, 200, insight",
            "GET,  /api/v1/surveys/s1/nps,     agatha, 403, ",
            "GET,  /api/v1/surveys/s1/scores,  arthur, 200, insight",
            "GET,  /api/v1/surveys/s1/scores,  agatha, 403, ",
            "GET,  /api/v1/surveys/s1/trend,   alice,  200, insight",
            "GET,  /api/v1/surveys/s1/trend,   nora,   403, ",
            "GET,  /api/v1/surveys/s1/topics,  arthur, 200, insight",
            "GET,  /api/v1/surveys/s1/topics,  agatha, 403, ",
            "GET,  /api/v1/insights/journey,   arthur, 200, insight",
            "GET,  /api/v1/insights/feedback/topics, alice, 200, insight",
            "GET,  /api/v1/insights/journey,   agatha, 403, ",
            "POST, /api/v1/insights/text-analysis, arthur, 200, insight",
            "POST, /api/v1/insights/text-analysis, nora, 403, ",
            "GET,  /api/v1/profiles,           agatha, 200, profile",
            "GET,  /api/v1/profiles,           arthur, 200, profile",
            "GET,  /api/v1/profiles,           nora,   403, ",
            "POST, /api/v1/profiles,           alice,  200, profile",
            "POST, /api/v1/profiles,           arthur, 403, ",
            "POST, /api/v1/profiles,           agatha, 403, ",
            "POST, /api/v1/profiles/events,    alice,  200, profile",
            "POST, /api/v1/profiles/events,    agatha, 403, ",
            "POST, /api/v1/profiles/p1/consent, agatha, 200, profile",
            "POST, /api/v1/profiles/p1/consent, alice,  200, profile",
            "POST, /api/v1/profiles/p1/consent, arthur, 403, ",
            "PATCH, /api/v1/profiles/p1/traits, alice,  200, profile",
            "PATCH, /api/v1/profiles/p1/traits, agatha, 403, ",
            "PATCH, /api/v1/profiles/p1/traits, arthur, 403, ",
            "DELETE, /api/v1/profiles/p1,      alice,  200, profile",
            "DELETE, /api/v1/profiles/p1,      agatha, 403, ",
            "DELETE, /api/v1/profiles/p1,      arthur, 403, ",
            "POST, /api/v1/profiles/p1/merge,  alice,  200, profile",
            "POST, /api/v1/profiles/p1/merge,  arthur, 403, ",
            "GET,  /api/v1/profiles/p1/export, alice,  200, profile",
            "GET,  /api/v1/profiles/contact-check, agatha, 200, profile",
            "GET,  /api/v1/surveys/s1/responses, arthur, 200, survey",
            "GET,  /api/v1/surveys/s1/responses, agatha, 403, ",
            "GET,  /api/v1/surveys/s1/responses, nora, 403, ",
            "GET,  /api/v1/surveys/s1/nps,     alice,  200, insight",
            "GET,  /api/v1/surveys/s1/nps,     nora,   403, ",
            "GET,  /api/v1/surveys,            nora,   403, ",
            "POST, /api/v1/surveys,            gina,   200, survey",
            "GET,  /api/v1/alert-rules,        arthur, 200, insight",
            "GET,  /api/v1/alert-rules/r1,     agatha, 403, ",
            "POST, /api/v1/alert-rules,        alice,  200, insight",
            "POST, /api/v1/alert-rules,        arthur, 403, ",
            "PUT,  /api/v1/alert-rules/r1,     alice,  200, insight",
            "PUT,  /api/v1/alert-rules/r1,     arthur, 403, ",
            "DELETE, /api/v1/alert-rules/r1,   alice,  200, insight",
            "DELETE, /api/v1/alert-rules/r1,   agatha, 403, ",
            "GET,  /api/v1/alerts,             agatha, 200, insight",
            "GET,  /api/v1/alerts,             nora,   403, ",
            "GET,  /api/v1/cases,              arthur, 200, insight",
            "GET,  /api/v1/cases/c1,           nora,   403, ",
            "POST, /api/v1/cases/c1/assign,    agatha, 200, insight",
            "POST, /api/v1/cases/c1/assign,    arthur, 403, ",
            "POST, /api/v1/cases/c1/notes,     alice,  200, insight",
            "POST, /api/v1/cases/c1/notes,     nora,   403, ",
            "POST, /api/v1/cases/c1/resolve,   agatha, 200, insight",
            "POST, /api/v1/cases/c1/resolve,   arthur, 403, ",
            "GET,  /api/v1/admin/dead-letters, alice,  200, survey",
            "GET,  /api/v1/admin/dead-letters, arthur, 403, ",
            "GET,  /api/v1/admin/dead-letters, agatha, 403, ",
            "GET,  /api/v1/admin/dead-letters, nora,   403, ",
            "POST, /api/v1/admin/dead-letters/redrive, alice,  200, survey",
            "POST, /api/v1/admin/dead-letters/redrive, arthur, 403, ",
            "POST, /api/v1/admin/dead-letters/redrive, agatha, 403, ",
            "POST, /api/v1/admin/dead-letters/redrive, nora,   403, ",
            "POST, /api/v1/feedback,           alice,  200, survey",
            "POST, /api/v1/feedback/batch,     alice,  200, survey",
            "POST, /api/v1/feedback,           arthur, 403, ",
            "POST, /api/v1/feedback,           agatha, 403, ",
            "POST, /api/v1/feedback,           nora,   403, ",
            "GET,  /api/v1/feedback,           alice,  200, survey",
            "GET,  /api/v1/feedback/f1,        arthur, 200, survey",
            "GET,  /api/v1/feedback,           agatha, 403, ",
            "GET,  /api/v1/feedback,           nora,   403, ",
            "GET,  /api/v1/webhooks/subscriptions, alice, 200, webhook",
            "POST, /api/v1/webhooks/subscriptions, alice, 200, webhook",
            "DELETE, /api/v1/webhooks/subscriptions/w1, alice, 200, webhook",
            "POST, /api/v1/webhooks/subscriptions/w1/secret/rotate, alice, 200, webhook",
            "GET,  /api/v1/webhooks/event-types, alice, 200, webhook",
            "POST, /api/v1/webhooks/inbound-sources, gina, 200, webhook",
            "GET,  /api/v1/webhooks/subscriptions, arthur, 403, ",
            "GET,  /api/v1/webhooks/subscriptions/w1/attempts, agatha, 403, ",
            "POST, /api/v1/webhooks/subscriptions, arthur, 403, ",
            "PATCH, /api/v1/webhooks/subscriptions/w1, agatha, 403, ",
            "GET,  /api/v1/webhooks/inbound-sources, nora, 403, ",
            "POST, /api/v1/webhooks/inbound-sources/i1/secret/rotate, nora, 403, "
    })
    void enforcesRolesPerRoute(String method, String path, String user, int status, String service) {
        var response = given().auth().oauth2(token(user)).contentType(ContentType.JSON).body("{}")
                .when().request(method, path)
                .then().statusCode(status);
        if (status == 200) {
            response.body("service", equalTo(service)).body("path", equalTo(path.substring(4)));
        } else {
            response.contentType("application/problem+json").body("status", equalTo(status));
        }
    }

    @Test
    void adminCallWithoutTokenIs401Problem() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/surveys")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://hearken.io/problems/unauthorized"));
    }

    @Test
    void garbageTokenIs401Problem() {
        given().auth().oauth2("not.a.token").when().get("/api/v1/surveys")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tenantComesFromTheTokenNotFromTheClient() {
        given().auth().oauth2(token("gina")).header("X-Hearken-Tenant", "acme")
                .header("X-Hearken-Credential", "forged")
                .when().get("/api/v1/surveys/s1")
                .then().statusCode(200)
                .body("credential", equalTo(true))
                .body("tenant", equalTo("globex"))
                .body("tenantHeader", equalTo(false))
                .body("authorization", equalTo(false));
        given().auth().oauth2(token("alice"))
                .when().get("/api/v1/surveys/s1")
                .then().statusCode(200)
                .body("tenant", equalTo("acme"));
    }

    @Test
    void publicSubmissionNeedsNoLoginAndCarriesNoTenant() {
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "forged")
                .body("{\"channel\": \"web\", \"answers\": {\"nps\": 9}}")
                .when().post("/api/v1/public/surveys/s1/responses")
                .then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("service", equalTo("survey"))
                .body("path", equalTo("/v1/public/surveys/s1/responses"))
                .body("credential", equalTo(true))
                .body("tenant", equalTo("null"))
                .body("tenantHeader", equalTo(false));
    }

    @Test
    void aRespondentsCredentialOpensOnlyTheSurveyOrInvitationThePathNames() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/public/surveys/s1/responses/batch")
                .then().statusCode(200).body("resource", equalTo("/v1/public/surveys/s1"));
        given().when().get("/api/v1/public/invitations/tok-123")
                .then().statusCode(200).body("resource", equalTo("/v1/public/invitations/tok-123"));
    }

    @Test
    void keepsAWellFormedRequestIdAndReplacesAnyOther() {
        given().header("X-Request-Id", "trace-123").contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/public/surveys/s1/responses")
                .then().statusCode(200).header("X-Request-Id", "trace-123");
        given().header("X-Request-Id", "bad id with spaces").contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/public/surveys/s1/responses")
                .then().statusCode(200).header("X-Request-Id", org.hamcrest.Matchers.not("bad id with spaces"));
    }

    @Test
    void partnerCannotReadSurveysOrProfilesYet() {
        String partner = KeycloakTokens.forClient(keycloakUrl, "hearken-partner-acme", "partner-secret-acme");
        given().auth().oauth2(partner).when().get("/api/v1/surveys/s1").then().statusCode(403);
        given().auth().oauth2(partner).when().get("/api/v1/profiles").then().statusCode(403);
    }

    @Test
    void partnerPostsCustomersAndJourneyEventsButReadsNoProfile() {
        String partner = KeycloakTokens.forClient(keycloakUrl, "hearken-partner-acme", "partner-secret-acme");
        given().auth().oauth2(partner).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/profiles/events")
                .then().statusCode(200).body("service", equalTo("profile"))
                .body("caller", startsWith("partner:"));
        given().auth().oauth2(partner).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/profiles")
                .then().statusCode(200);
        given().auth().oauth2(partner).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/profiles/p1/merge").then().statusCode(403);
        given().auth().oauth2(partner).when().get("/api/v1/profiles/p1/export").then().statusCode(403);
    }

    @Test
    void theCallerComesFromTheTokenNotFromTheClient() {
        given().auth().oauth2(token("alice")).header("X-Hearken-Caller", "partner:forged")
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/profiles/p1/consent")
                .then().statusCode(200).body("caller", startsWith("admin:"));
        given().contentType(ContentType.JSON).header("X-Hearken-Caller", "admin:forged").body("{}")
                .when().post("/api/v1/public/surveys/s1/responses")
                .then().statusCode(200).body("caller", equalTo("null"));
    }

    @Test
    void partnerTakesInFeedbackButCannotReadIt() {
        String partner = KeycloakTokens.forClient(keycloakUrl, "hearken-partner-acme", "partner-secret-acme");
        given().auth().oauth2(partner).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/feedback")
                .then().statusCode(200).body("service", equalTo("survey"));
        given().auth().oauth2(partner).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/feedback/batch")
                .then().statusCode(200);
        given().auth().oauth2(partner).when().get("/api/v1/feedback").then().statusCode(403);
    }

    @Test
    void partnerManagesItsWebhooksAsItself() {
        String partner = KeycloakTokens.forClient(keycloakUrl, "hearken-partner-acme", "partner-secret-acme");
        given().auth().oauth2(partner).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/webhooks/subscriptions")
                .then().statusCode(200).body("service", equalTo("webhook"))
                .body("tenant", equalTo("acme"))
                .body("caller", startsWith("partner:"));
        given().auth().oauth2(partner).when().get("/api/v1/webhooks/subscriptions/w1/messages/m1")
                .then().statusCode(200).body("service", equalTo("webhook"));
        given().auth().oauth2(partner).when().delete("/api/v1/webhooks/inbound-sources/i1")
                .then().statusCode(200).body("service", equalTo("webhook"));
    }

    /**
     * A partner's system posts to an inbound source without a token: webhook-service checks its Standard Webhooks
     * signature, so the signature headers and the body must arrive exactly as sent, and the hop's credential opens
     * that one source, for no tenant.
     */
    @Test
    void anInboundSourceTakesSignedRequestsWithoutLogin() {
        byte[] body = "{\"review\": \"Sehr gut \u2014 five stars\",  \"id\": 7}\n".getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", "forged")
                .header("webhook-id", "msg_2Lm").header("webhook-timestamp", "1732665600")
                .header("webhook-signature", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")
                .body(body)
                .when().post("/api/v1/public/inbound/src-1")
                .then().statusCode(200)
                .body("service", equalTo("webhook"))
                .body("path", equalTo("/v1/public/inbound/src-1"))
                .body("resource", equalTo("/v1/public/inbound/src-1"))
                .body("tenant", equalTo("null"))
                .body("tenantHeader", equalTo(false))
                .body("webhookSignature", equalTo("v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="))
                .body("bodySha256", equalTo(RecordingUpstreamResource.sha256(body)));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/public/inbound/src-1/anything")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/public/inbound/src-1")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void anyoneMayUploadAKioskBatch() {
        given().contentType("application/x-ndjson").body("{}\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/public/surveys/s1/responses/batch")
                .then().statusCode(200).body("service", equalTo("survey"));
    }

    @Test
    void partnerClientCredentialsTokenIsNotAnAdmin() {
        String partner = KeycloakTokens.forClient(keycloakUrl, "hearken-partner-acme", "partner-secret-acme");
        given().auth().oauth2(partner).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/surveys")
                .then().statusCode(403);
    }
}
