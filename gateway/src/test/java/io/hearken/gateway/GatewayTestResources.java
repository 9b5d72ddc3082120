package io.hearken.gateway;

import io.hearken.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Gateway tests run against the run's real Keycloak and a recording stand-in for the services. */
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(RecordingUpstreamResource.class)
public final class GatewayTestResources {

    private GatewayTestResources() {
    }
}
