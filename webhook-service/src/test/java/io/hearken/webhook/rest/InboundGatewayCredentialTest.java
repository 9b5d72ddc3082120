package io.hearken.webhook.rest;

import io.hearken.testing.GatewayCredentialContract;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway-credential door, checked on the inbound sources: no credential, no tenant. */
@QuarkusTest
class InboundGatewayCredentialTest extends GatewayCredentialContract {

    @Override
    protected String createResourceOf(String tenant) {
        return InboundFixtures.SOURCES + "/" + InboundFixtures.register(tenant, "partner:credential-test").id();
    }
}
