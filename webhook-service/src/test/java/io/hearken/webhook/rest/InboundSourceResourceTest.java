package io.hearken.webhook.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static io.hearken.webhook.rest.InboundFixtures.SOURCES;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InboundSourceResourceTest {

    private static final String PARTNER = "partner:acme-reviews";

    @Test
    void registersASourceWithAnUnguessableIdAGeneratedSecretAndThePathToPostTo() {
        String tenant = InboundFixtures.newTenant();
        var created = given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .contentType("application/json")
                .body("{\"name\": \"trustpilot\", \"description\": \"Reviews from Trustpilot\"}")
                .when().post(SOURCES)
                .then().statusCode(201)
                .body("id", matchesPattern("src_[a-z2-7]{26}"))
                .body("secret", startsWith("whsec_"))
                .body("name", equalTo("trustpilot"))
                .body("description", equalTo("Reviews from Trustpilot"))
                .body("owner", equalTo(PARTNER))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(SOURCES + "/" + id));
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .when().get(SOURCES + "/" + id)
                .then().statusCode(200)
                .body("path", equalTo("/api/v1/public/inbound/" + id))
                .body("secret", nullValue())
                .body("previousSecretUntil", nullValue());
    }

    @Test
    void takesASecretTheCallerChose() {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        given().header("X-Hearken-Tenant", InboundFixtures.newTenant()).header("X-Hearken-Caller", PARTNER)
                .contentType("application/json").body("{\"name\": \"zendesk\", \"secret\": \"" + secret + "\"}")
                .when().post(SOURCES)
                .then().statusCode(201)
                .body("secret", equalTo(secret));
    }

    @Test
    void refusesEveryInvalidFieldNamingIt() {
        given().header("X-Hearken-Tenant", InboundFixtures.newTenant()).header("X-Hearken-Caller", PARTNER)
                .contentType("application/json")
                .body("{\"name\": \"Trust Pilot!\", \"description\": \"" + "x".repeat(501) + "\"}")
                .when().post(SOURCES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/validation"))
                .body("errors.field", hasItems("name", "description"))
                .body("errors.find { it.field == 'name' }.message", containsString("lower-case"));
        given().header("X-Hearken-Tenant", InboundFixtures.newTenant()).header("X-Hearken-Caller", PARTNER)
                .contentType("application/json").body("{\"name\": \"trustpilot\", \"secret\": \"hunter2\"}")
                .when().post(SOURCES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("secret"))
                .body("errors[0].message", containsString("whsec_"));
        given().header("X-Hearken-Tenant", InboundFixtures.newTenant()).header("X-Hearken-Caller", PARTNER)
                .contentType("application/json").body("{\"name\": \"trustpilot\", \"url\": \"https://x\"}")
                .when().post(SOURCES)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        given().header("X-Hearken-Tenant", InboundFixtures.newTenant()).header("X-Hearken-Caller", PARTNER)
                .contentType("application/json").body("{}")
                .when().post(SOURCES)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void aWorkspaceHasOneSourceOfAName() {
        String tenant = InboundFixtures.newTenant();
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .contentType("application/json").body("{\"name\": \"app-store\"}")
                .when().post(SOURCES).then().statusCode(201);
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "partner:someone-else")
                .contentType("application/json").body("{\"name\": \"app-store\"}")
                .when().post(SOURCES)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/conflict"));
        given().header("X-Hearken-Tenant", InboundFixtures.newTenant()).header("X-Hearken-Caller", PARTNER)
                .contentType("application/json").body("{\"name\": \"app-store\"}")
                .when().post(SOURCES).then().statusCode(201);
    }

    @Test
    void aPartnerSeesAndManagesOnlyItsOwnSourcesAndAnAdminEveryOneOfItsTenant() {
        String tenant = InboundFixtures.newTenant();
        InboundFixtures.Source mine = InboundFixtures.register(tenant, PARTNER);
        InboundFixtures.Source theirs = InboundFixtures.register(tenant, "partner:other");
        String path = SOURCES + "/" + theirs.id();

        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .when().get(SOURCES)
                .then().statusCode(200)
                .body("items.id", hasItem(mine.id()))
                .body("items.id", not(hasItem(theirs.id())));
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .when().get(path).then().statusCode(404).contentType("application/problem+json");
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .contentType("application/json").body("{}")
                .when().post(path + "/secret/rotate").then().statusCode(404);
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .when().delete(path).then().statusCode(404);

        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "admin:boss")
                .when().get(SOURCES)
                .then().statusCode(200)
                .body("items.id", hasItems(mine.id(), theirs.id()));
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "admin:boss")
                .when().get(path).then().statusCode(200).body("owner", equalTo("partner:other"));
        // The partner's own source is still there: nothing it tried on the other one went through
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "partner:other")
                .when().get(path).then().statusCode(200);
    }

    @Test
    void anotherTenantSeesNoneOfThemEvenAsAdmin() {
        String tenant = InboundFixtures.newTenant();
        String other = InboundFixtures.newTenant();
        InboundFixtures.Source source = InboundFixtures.register(tenant, PARTNER);
        String path = SOURCES + "/" + source.id();
        for (String caller : new String[] {"admin:boss", PARTNER}) {
            given().header("X-Hearken-Tenant", other).header("X-Hearken-Caller", caller)
                    .when().get(path).then().statusCode(404);
            given().header("X-Hearken-Tenant", other).header("X-Hearken-Caller", caller)
                    .when().get(SOURCES).then().statusCode(200).body("items.id", not(hasItem(source.id())));
            given().header("X-Hearken-Tenant", other).header("X-Hearken-Caller", caller)
                    .contentType("application/json").body("{}")
                    .when().post(path + "/secret/rotate").then().statusCode(404);
            given().header("X-Hearken-Tenant", other).header("X-Hearken-Caller", caller)
                    .when().delete(path).then().statusCode(404);
        }
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .when().get(path).then().statusCode(200);
    }

    @Test
    void anIdThatIsNoSourcesIs404() {
        String tenant = InboundFixtures.newTenant();
        for (String id : new String[] {"src_aaaaaaaaaaaaaaaaaaaaaaaaaa", "nope", "src_" + "a".repeat(40)}) {
            given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "admin:boss")
                    .when().get(SOURCES + "/" + id)
                    .then().statusCode(404)
                    .body("type", equalTo("https://hearken.io/problems/not-found"));
        }
    }

    @Test
    void rotationGivesANewSecretAndKeepsThePreviousOneForTheOverlap() {
        String tenant = InboundFixtures.newTenant();
        InboundFixtures.Source source = InboundFixtures.register(tenant, PARTNER);
        Instant before = Instant.now();
        String rotated = given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .contentType("application/json").body("{\"overlap\": \"PT1H\"}")
                .when().post(SOURCES + "/" + source.id() + "/secret/rotate")
                .then().statusCode(200)
                .body("secret", startsWith("whsec_"))
                .body("previousSecretUntil", notNullValue())
                .extract().path("secret");
        assertNotEquals(source.secret().text(), rotated);
        String until = given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .when().get(SOURCES + "/" + source.id())
                .then().statusCode(200).body("secret", nullValue())
                .extract().path("previousSecretUntil");
        Duration overlap = Duration.between(before, Instant.parse(until));
        assertTrue(overlap.compareTo(Duration.ofMinutes(59)) > 0 && overlap.compareTo(Duration.ofMinutes(61)) < 0,
                overlap::toString);

        // No body: the default overlap of a day
        String untilByDefault = given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "admin:boss")
                .when().post(SOURCES + "/" + source.id() + "/secret/rotate")
                .then().statusCode(200).extract().path("previousSecretUntil");
        Duration byDefault = Duration.between(before, Instant.parse(untilByDefault));
        assertTrue(byDefault.compareTo(Duration.ofHours(23)) > 0 && byDefault.compareTo(Duration.ofHours(25)) < 0,
                byDefault::toString);
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .contentType("text/plain").body("PT1H")
                .when().post(SOURCES + "/" + source.id() + "/secret/rotate")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void refusesAnOverlapOutOfRangeOrNotADuration() {
        String tenant = InboundFixtures.newTenant();
        InboundFixtures.Source source = InboundFixtures.register(tenant, PARTNER);
        for (String overlap : new String[] {"\"-PT1H\"", "\"P30D\"", "\"soon\"", "[1]"}) {
            given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                    .contentType("application/json").body("{\"overlap\": " + overlap + "}")
                    .when().post(SOURCES + "/" + source.id() + "/secret/rotate")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("overlap"));
        }
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .contentType("application/json").body("{\"secret\": \"whsec_short\"}")
                .when().post(SOURCES + "/" + source.id() + "/secret/rotate")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("secret"));
    }

    @Test
    void aDeletedSourceIsGone() {
        String tenant = InboundFixtures.newTenant();
        InboundFixtures.Source source = InboundFixtures.register(tenant, PARTNER);
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .when().delete(SOURCES + "/" + source.id()).then().statusCode(204);
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .when().get(SOURCES + "/" + source.id()).then().statusCode(404);
        given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", PARTNER)
                .when().get(SOURCES).then().statusCode(200).body("items.id", not(hasItem(source.id())));
        InboundFixtures.post(source, InboundFixtures.newMessageId(), InboundFixtures.review(null, "gone"),
                        source.secret())
                .statusCode(401)
                .body("type", equalTo("https://hearken.io/problems/webhook-signature"))
                .header("WWW-Authenticate", endsWith("\"hearken-inbound\""));
    }
}
