package io.hearken.chaos;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GatewayClientTest {

    @Test
    void followsTheNextLinkByItsPublicPath() {
        assertEquals("/api/v1/surveys/s1/responses?limit=500&after=cmVzcG9uc2Vz",
                GatewayClient.nextPage("</api/v1/surveys/s1/responses?limit=500&after=cmVzcG9uc2Vz>; rel=\"next\""));
        assertNull(GatewayClient.nextPage("</api/v1/help>; rel=\"help\""));
    }
}
