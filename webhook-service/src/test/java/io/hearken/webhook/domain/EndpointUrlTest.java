package io.hearken.webhook.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EndpointUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "ftp://example.com/x", "https://user:pw@example.com/hook",
        "https://example.com/hook#fragment", "/relative", "https:///nohost", "http://example.com/hook"})
    void refusesWhatIsNotAnHttpsEndpoint(String text) {
        assertThrows(IllegalArgumentException.class, () -> EndpointUrl.parse(text, true));
    }

    @Test
    void keepsHostPortAndTargetAsSent() {
        EndpointUrl url = EndpointUrl.parse("https://hooks.example.com/in/hearken?key=a%20b", true);
        assertEquals("hooks.example.com", url.host());
        assertEquals(443, url.port());
        assertEquals("/in/hearken?key=a%20b", url.requestTarget());
        EndpointUrl local = EndpointUrl.parse("http://[::1]:8080", false);
        assertEquals("::1", local.host());
        assertEquals(8080, local.port());
        assertEquals("/", local.requestTarget());
    }
}
