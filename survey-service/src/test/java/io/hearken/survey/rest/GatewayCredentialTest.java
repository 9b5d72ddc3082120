package io.hearken.survey.rest;

import io.hearken.common.security.GatewayCredentials;
import io.hearken.testing.GatewayCredentialContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

@QuarkusTest
class GatewayCredentialTest extends GatewayCredentialContract {

    private static final String SURVEY = """
            {"name": "Credential check", "publish": true, "title": {"en": "Visit"}, "languages": ["en"],
             "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend?"}}]}
            """;

    @Override
    protected String createResourceOf(String tenant) {
        String id = given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON).body(SURVEY)
                .when().post("/v1/surveys")
                .then().statusCode(201).extract().path("id");
        return "/v1/surveys/" + id;
    }

    @Test
    void aRespondentsCredentialOpensOnlyTheSurveyItNames() {
        String survey = createResourceOf("credential-public").substring("/v1/surveys/".length());
        given().header(GatewayCredentials.HEADER,
                        credentials().signForRespondent(audience(), "/v1/public/surveys/" + survey))
                .when().get("/v1/public/surveys/{id}", survey)
                .then().statusCode(200);
        given().header(GatewayCredentials.HEADER,
                        credentials().signForRespondent(audience(), "/v1/public/surveys/another"))
                .when().get("/v1/public/surveys/{id}", survey)
                .then().statusCode(401);
        given().header(GatewayCredentials.HEADER, "")
                .when().get("/v1/public/surveys/{id}", survey)
                .then().statusCode(401);
        given().header(GatewayCredentials.HEADER,
                        credentials().signForCaller(audience(), "credential-public", "admin:tests"))
                .when().get("/v1/public/surveys/{id}", survey)
                .then().statusCode(401);
    }
}
