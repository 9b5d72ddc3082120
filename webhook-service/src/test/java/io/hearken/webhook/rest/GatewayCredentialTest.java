package io.hearken.webhook.rest;

import io.hearken.testing.GatewayCredentialContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GatewayCredentialTest extends GatewayCredentialContract {

    @Override
    protected String createResourceOf(String tenant) {
        return "/v1/webhooks/subscriptions/"
                + Webhooks.subscribe(tenant, "http://" + LocalReceiver.HOST + ":9/hook", "response.completed")
                .getString("id");
    }
}
