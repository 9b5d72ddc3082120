package io.hearken.testing;

import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.security.GatewayCredential;
import io.hearken.common.security.GatewayCredentials;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Lets a service's tests call its API as the gateway does. A service admits only requests carrying a credential the
 * gateway signed (common {@code GatewayCredentialFilter}); its tests say who calls the way they always have, with the
 * tenant and caller headers, and this REST Assured filter signs the matching credential with the run's key: a
 * caller's for the tenant header's tenant ({@code admin:tests} unless the caller header names one), a respondent's
 * for a public path. A request that names no tenant, or carries a credential of its own (even an empty one), goes as
 * it is: that is how tests of the refusals are written. Installed before every {@code @QuarkusTest} method by the
 * service loader ({@code META-INF/services}); the gateway's own {@code /api} paths are left alone.
 */
public class SignedLikeTheGateway implements QuarkusTestBeforeEachCallback, Filter {

    private static final String DEFAULT_CALLER = "admin:tests";

    private volatile GatewayCredentials credentials;
    private volatile String audience;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(SignedLikeTheGateway.class::isInstance)) {
            RestAssured.filters(new SignedLikeTheGateway());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        String path = URI.create(request.getURI()).getPath();
        if (path.startsWith("/v1/") && !request.getHeaders().hasHeaderWithName(GatewayCredentials.HEADER)) {
            String tenant = request.getHeaders().getValue(TenantHeader.NAME);
            if (path.startsWith(GatewayCredential.PUBLIC_PREFIX)) {
                request.header(GatewayCredentials.HEADER, credentials().signForRespondent(audience,
                        GatewayCredential.publicResourceOf(path)));
            } else if (tenant != null) {
                String caller = request.getHeaders().getValue(CallerHeader.NAME);
                request.header(GatewayCredentials.HEADER, credentials().signForCaller(audience, tenant,
                        caller == null ? DEFAULT_CALLER : caller));
            }
        }
        return context.next(request, response);
    }

    private GatewayCredentials credentials() {
        if (credentials == null) {
            Config config = ConfigProvider.getConfig();
            audience = config.getValue("quarkus.application.name", String.class);
            credentials = new GatewayCredentials(config.getValue("hearken.credential.key", String.class),
                    Duration.ofSeconds(60), Clock.systemUTC());
        }
        return credentials;
    }
}
