package io.hearken.gateway.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ForwardedHeadersTest {

    @Test
    void rewritesAServiceLocationToThePublicApiPath() {
        assertEquals("/api/v1/surveys/42", ForwardedHeaders.publicLocation("http://127.0.0.1:8081/v1/surveys/42"));
        assertEquals("/api/v1/surveys/42", ForwardedHeaders.publicLocation("/v1/surveys/42"));
        assertEquals("https://elsewhere.example/x", ForwardedHeaders.publicLocation("https://elsewhere.example/x"));
    }

    @Test
    void rewritesTheNextPageLinkOfAListKeepingItsQueryAndRelation() {
        assertEquals("</api/v1/cases?status=OPEN&limit=2&after=Y2FzZXM>; rel=\"next\"",
                ForwardedHeaders.publicLinks("<http://127.0.0.1:8083/v1/cases?status=OPEN&limit=2&after=Y2FzZXM>; "
                        + "rel=\"next\""));
        assertEquals("</api/v1/a?x=1>; rel=\"next\", <https://elsewhere.example/b>; rel=\"help\"",
                ForwardedHeaders.publicLinks("<http://svc/v1/a?x=1>; rel=\"next\", "
                        + "<https://elsewhere.example/b>; rel=\"help\""));
    }
}
