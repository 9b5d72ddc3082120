package io.hearken.insight.rest;

import io.hearken.testing.GatewayCredentialContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GatewayCredentialTest extends GatewayCredentialContract {

    @Override
    protected String createResourceOf(String tenant) {
        return "/v1/alert-rules/" + AlertFixtures.createRule(tenant,
                "{\"name\": \"Detractors\", \"type\": \"DETRACTOR\", \"priority\": \"HIGH\"}");
    }
}
