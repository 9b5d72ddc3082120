package io.hearken.gateway.routing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteTableTest {

    @Test
    void findsTheFirstMatchingRouteWithItsRoles() {
        assertEquals("survey-nps", RouteTable.find("GET", "/v1/surveys/abc/nps").orElseThrow().name());
        assertEquals("survey-read", RouteTable.find("GET", "/v1/surveys/abc").orElseThrow().name());
        assertEquals("survey-write", RouteTable.find("POST", "/v1/surveys").orElseThrow().name());
        assertEquals(true, RouteTable.find("POST", "/v1/public/surveys/abc/responses").orElseThrow().isPublic());
        assertEquals(true, RouteTable.find("DELETE", "/v1/public/surveys/abc/responses").isEmpty());
        assertEquals(true, RouteTable.knowsPath("/v1/public/surveys/abc/responses"));
    }

    @Test
    void everyRouteNamesItsFixedPrefixAndNoneReachesAManagementPath() {
        assertEquals("/v1/public/surveys", RouteTable.find("GET", "/v1/public/surveys/abc").orElseThrow().prefix());
        assertEquals(2, RouteTable.find("GET", "/v1/surveys/abc/nps").orElseThrow().prefixSegments());
        assertEquals(3, RouteTable.find("POST", "/v1/public/surveys/a/responses").orElseThrow().prefixSegments());
        for (String path : new String[] {"/q/metrics", "/q/health/ready", "/v1/surveysq", "/", "/v1"}) {
            for (String method : new String[] {"GET", "POST", "DELETE"}) {
                assertEquals(true, RouteTable.find(method, path).isEmpty(), method + " " + path);
            }
        }
    }
}
