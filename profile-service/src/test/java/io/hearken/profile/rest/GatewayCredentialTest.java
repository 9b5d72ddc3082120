package io.hearken.profile.rest;

import io.hearken.testing.GatewayCredentialContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;

@QuarkusTest
class GatewayCredentialTest extends GatewayCredentialContract {

    @Override
    protected String createResourceOf(String tenant) {
        String id = given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"name\": \"gold\", \"rule\": {\"all\": [{\"trait\": \"plan\", \"op\": \"eq\", "
                        + "\"value\": \"gold\"}]}}")
                .when().post("/v1/profiles/segments")
                .then().statusCode(201).extract().path("id");
        return "/v1/profiles/segments/" + id;
    }
}
