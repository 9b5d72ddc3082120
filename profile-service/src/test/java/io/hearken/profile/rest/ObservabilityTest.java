package io.hearken.profile.rest;

import io.hearken.testing.ObservabilityContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ObservabilityTest extends ObservabilityContract {

    ObservabilityTest() {
        super("PostgreSQL", "/v1/profiles");
    }
}
