package io.hearken.gateway.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/surveys/s1,                 /api/v1/surveys/s1",
            "/api//v1///surveys//s1/,            /api/v1/surveys/s1",
            "/api/./v1/surveys/./s1,             /api/v1/surveys/s1",
            "/api/v1/surveys/s0/../s1,           /api/v1/surveys/s1",
            "/api/v1/surveys/s0/%2e%2E/s1,       /api/v1/surveys/s1",
            "/api/v1/surveys/s0/.%2e/s1/%2e,     /api/v1/surveys/s1",
            "/api/v1/surveys/%73%31,             /api/v1/surveys/s1",
            "/api/v1/profiles/ana%20lee%40x.io,  /api/v1/profiles/ana%20lee@x.io",
            "/api/v1/profiles/%E7%94%B0%E4%B8%AD, /api/v1/profiles/%E7%94%B0%E4%B8%AD",
            "/api/v1/surveys/a;b,                /api/v1/surveys/a%3Bb",
            "/api/v1/surveys/%25252e,            /api/v1/surveys/%25252e",
            "/api/v1/surveys/...,                /api/v1/surveys/...",
            "/,                                  /"
    })
    void normalisesAndReEncodes(String raw, String encoded) {
        assertEquals(encoded, RequestPath.parse(raw).encoded());
    }

    @Test
    void decodesOnceOnly() {
        RequestPath path = RequestPath.parse("/v1/profiles/ana%20lee/%252e%252e");
        assertEquals(List.of("v1", "profiles", "ana lee", "%2e%2e"), path.segments());
        assertEquals("/v1/profiles/ana lee/%2e%2e", path.decoded());
        assertFalse(path.steppedBack());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/..", "/api/../..", "/api/%2e%2e/%2e%2e/q",
            "/api/v1/surveys/..%2fq", "/api/v1/surveys/%2F", "/api/v1/surveys/a%2fb",
            "/api/v1/surveys/s1%00", "/api/v1/surveys/%0a", "/api/v1/surveys/%7F",
            "/api/v1/surveys/a\\b", "/api/v1/surveys/a%5cb", "/api/v1/surveys/a%5C..",
            "/api/v1/surveys/%zz", "/api/v1/surveys/%4", "/api/v1/surveys/%", "/api/v1/surveys/%e0%80",
            "/api/v1/surveys/%c0%ae%c0%ae", "/api/v1/surveys/..;/q", "/api/v1/surveys/.;x",
            "/api/v1/surveys/é", "api/v1/surveys", ""
    })
    void refusesWhatCannotBeReadOneWayOnly(String raw) {
        assertThrows(RequestPath.InvalidPathException.class, () -> RequestPath.parse(raw));
    }

    @Test
    void remembersHowFarADotDotSteppedBack() {
        RequestPath plain = RequestPath.parse("/api/v1/surveys/s1");
        assertFalse(plain.steppedBack());
        assertTrue(plain.keepsLeading(4));

        RequestPath withinRoute = RequestPath.parse("/api/v1/surveys/s0/../s1");
        assertTrue(withinRoute.steppedBack());
        assertTrue(withinRoute.keepsLeading(3), "api/v1/surveys were never stepped over");
        assertFalse(withinRoute.keepsLeading(4));

        RequestPath intoAnotherRoute = RequestPath.parse("/api/v1/surveys/../profiles");
        assertEquals("/api/v1/profiles", intoAnotherRoute.decoded());
        assertTrue(intoAnotherRoute.keepsLeading(2));
        assertFalse(intoAnotherRoute.keepsLeading(3), "surveys was stepped back over");

        RequestPath outOfApi = RequestPath.parse("/api/../q/metrics");
        assertFalse(outOfApi.keepsLeading(1));
    }

    @Test
    void dropsALeadingPrefixAndKeepsWhatWasSteppedOver() {
        RequestPath path = RequestPath.parse("/api/v1/surveys/s0/../s1").dropLeading(1);
        assertEquals("/v1/surveys/s1", path.encoded());
        assertTrue(path.keepsLeading(2));
        assertFalse(path.keepsLeading(3));
        assertTrue(RequestPath.parse("/api/v1/x").isUnder("/api"));
        assertFalse(RequestPath.parse("/apix/v1").isUnder("/api"));
        assertFalse(RequestPath.parse("/q/metrics").isUnder("/api"));
    }
}
