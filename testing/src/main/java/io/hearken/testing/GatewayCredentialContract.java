package io.hearken.testing;

import io.hearken.common.security.GatewayCredential;
import io.hearken.common.security.GatewayCredentials;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Defence in depth, checked on every service: reached without the gateway, a service takes no tenant from a header.
 * A request with a forged tenant header and no credential, or a credential that is expired, signed with another key,
 * meant for another service, or a respondent's for another survey, is 401 problem+json before any resource sees it;
 * with the gateway's credential, the tenant is the credential's whatever the header says. A service's
 * {@code @QuarkusTest} extends this and creates one resource of a tenant through its API.
 */
public abstract class GatewayCredentialContract {

    private static final String FORGED_TENANT = "forged-tenant";

    private String tenantPath;
    private String owner;

    /** Creates a resource of {@code tenant} (tenant header, signed as the gateway would) and returns its path. */
    protected abstract String createResourceOf(String tenant);

    @BeforeEach
    void createAResource() {
        if (tenantPath == null) {
            owner = "credential-" + UUID.randomUUID().toString().substring(0, 8);
            tenantPath = createResourceOf(owner);
        }
    }

    @Test
    public void aForgedTenantHeaderWithoutACredentialIs401() {
        given().header("X-Hearken-Tenant", FORGED_TENANT).header("X-Hearken-Caller", "admin:mallory")
                .header(GatewayCredentials.HEADER, "")
                .when().get(tenantPath)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/unauthorized"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    public void aCredentialThatIsForgedExpiredOrForAnotherServiceIs401() {
        Instant now = Instant.now();
        String forgedKey = new GatewayCredentials("a-key-that-is-not-the-one-the-services-share",
                Duration.ofSeconds(60), Clock.systemUTC()).signForCaller(audience(), FORGED_TENANT, "admin:mallory");
        String expired = credentials().sign(GatewayCredential.forCaller(audience(), FORGED_TENANT, "admin:mallory",
                now.minusSeconds(600), now.minusSeconds(540)));
        String anotherService = credentials().signForCaller("another-service", FORGED_TENANT, "admin:mallory");
        String respondent = credentials().signForRespondent(audience(), "/v1/public/surveys/some-survey");
        for (String credential : new String[] {forgedKey, expired, anotherService, respondent, "not.a.jwt",
                "eyJhbGciOiJub25lIn0.eyJ0ZW5hbnQiOiJmb3JnZWQtdGVuYW50In0."}) {
            given().header(GatewayCredentials.HEADER, credential)
                    .when().get(tenantPath)
                    .then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    public void theGatewaysCredentialNamesTheTenantWhateverTheHeaderSays() {
        given().header("X-Hearken-Tenant", owner)
                .header(GatewayCredentials.HEADER, credentials().signForCaller(audience(), FORGED_TENANT, "admin:t"))
                .when().get(tenantPath)
                .then().statusCode(404);
        given().header("X-Hearken-Tenant", FORGED_TENANT)
                .header(GatewayCredentials.HEADER, credentials().signForCaller(audience(), owner, "admin:t"))
                .when().get(tenantPath)
                .then().statusCode(200);
    }

    /** The service under test's name, the audience of the credentials it admits. */
    protected static String audience() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    protected static GatewayCredentials credentials() {
        return new GatewayCredentials(ConfigProvider.getConfig().getValue("hearken.credential.key", String.class),
                Duration.ofSeconds(60), Clock.systemUTC());
    }
}
