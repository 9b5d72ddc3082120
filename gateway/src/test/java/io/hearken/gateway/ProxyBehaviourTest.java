package io.hearken.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ProxyBehaviourTest {

    @Test
    void unknownApiIs404Problem() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/not-found"));
    }

    @Test
    void wrongMethodOnKnownPathIs405Problem() {
        given().when().delete("/api/v1/public/surveys/s1/responses")
                .then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIs413ProblemBeforeReachingTheService() {
        int before = RecordingUpstreamResource.RECEIVED.size();
        given().contentType(ContentType.JSON).body("{\"pad\": \"" + "x".repeat(70_000) + "\"}")
                .when().post("/api/v1/public/surveys/s1/responses")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/payload-too-large"));
        org.junit.jupiter.api.Assertions.assertEquals(before, RecordingUpstreamResource.RECEIVED.size());
    }

    @Test
    void aListsNextPageLinkNamesThePublicPathNotTheService() {
        given().when().get("/api/v1/public/surveys/s9?limit=2")
                .then().statusCode(200)
                .header("Link", equalTo("</api/v1/public/surveys/s9?limit=2&after=bmV4dA>; rel=\"next\""));
    }

    @Test
    void passesQueryStringAndBodyThrough() {
        given().contentType(ContentType.JSON).body("{\"channel\": \"kiosk\"}")
                .when().post("/api/v1/public/surveys/s9/responses?lang=ja")
                .then().statusCode(200)
                .body("query", equalTo("lang=ja"))
                .body("bodyBytes", equalTo(20));
    }
}
