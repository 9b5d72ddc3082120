package io.hearken.webhook.rest;

import io.hearken.testing.ObservabilityContract;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Health, metrics and the OpenAPI document on the management port, like every service; and the gateway's copy of
 * this service's document (gateway/src/main/resources/openapi/webhook-service.json) kept equal to what it serves.
 */
@QuarkusTest
class ObservabilityTest extends ObservabilityContract {

    ObservabilityTest() {
        super("PostgreSQL", "/v1/webhooks/subscriptions");
    }
}
