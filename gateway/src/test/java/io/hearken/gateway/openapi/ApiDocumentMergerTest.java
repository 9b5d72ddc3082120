package io.hearken.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The merge rules on small documents, with the gateway's real route table deciding what is exposed. */
class ApiDocumentMergerTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final String GATEWAY_PART = """
            {"openapi": "3.1.0", "info": {"title": "Hearken API", "version": "v1"},
             "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
               "schemas": {"Problem": {"type": "object"}},
               "responses": {"BadRequest": {"description": "invalid"}, "Unauthorized": {"description": "no token"},
                 "Forbidden": {"description": "no role"}, "NotFound": {"description": "none"},
                 "PayloadTooLarge": {"description": "big"}, "TooManyRequests": {"description": "slow down"},
                 "BadGateway": {"description": "failed"}, "Unavailable": {"description": "down"},
                 "GatewayTimeout": {"description": "late"}}},
             "paths": {"/v1/customers/{profileId}/360": {"get": {"tags": ["Customers"],
               "responses": {"200": {"description": "the view"}}}}}}
            """;

    private static final String SURVEY = """
            {"openapi": "3.1.0", "info": {"title": "survey-service", "version": "1"},
             "tags": [{"name": "Surveys", "description": "Survey definitions"}],
             "paths": {
               "/v1/surveys/{surveyId}": {"get": {"tags": ["Surveys"], "description": "A survey.",
                 "parameters": [{"name": "surveyId", "in": "path", "required": true},
                                {"name": "X-Hearken-Tenant", "in": "header"}],
                 "responses": {"200": {"content": {"application/json": {"schema":
                                 {"$ref": "#/components/schemas/Answer"}}}},
                               "404": {"description": "No such survey"}}}},
               "/v1/public/surveys/{surveyId}": {"get": {"tags": ["Respondents"],
                 "responses": {"200": {"description": "to render"}}}},
               "/v1/responses": {"get": {"responses": {"200": {"content": {"application/json": {"schema":
                 {"$ref": "#/components/schemas/Found"}}}}}}}},
             "components": {"schemas": {"Answer": {"type": "object", "properties": {"score": {"type": "integer"}}},
                                        "Found": {"type": "object"}}}}
            """;

    private static final String INSIGHT = """
            {"openapi": "3.1.0", "info": {"title": "insight-service", "version": "1"},
             "paths": {
               "/v1/surveys/{surveyId}/nps": {"get": {"responses": {"200": {"content": {"application/json":
                 {"schema": {"$ref": "#/components/schemas/Answer"}}}}}}},
               "/v1/surveys/{surveyId}": {"get": {"responses": {"200": {"description": "not ours"}}}},
               "/v1/cases/{id}/notes": {"post": {"responses": {"200": {"description": "noted"}}}}},
             "components": {"schemas": {"Answer": {"type": "object", "properties": {"nps": {"type": "number"}}}}}}
            """;

    private JsonNode merged() throws Exception {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        services.put("survey-service", json.readTree(SURVEY));
        services.put("insight-service", json.readTree(INSIGHT));
        return new ApiDocumentMerger(json, PublicApiDocument::routeOf).merge(json.readTree(GATEWAY_PART), services);
    }

    @Test
    void keepsOnlyWhatTheGatewayRoutesToTheServiceThatDocumentsIt() throws Exception {
        JsonNode paths = merged().path("paths");
        assertEquals(List.of("/api/v1/customers/{profileId}/360", "/api/v1/public/surveys/{surveyId}",
                "/api/v1/surveys/{surveyId}", "/api/v1/surveys/{surveyId}/nps", "/api/v1/cases/{id}/notes")
                .stream().sorted().toList(), fieldNames(paths));
        // insight-service's own /v1/surveys/{id} is not what the gateway routes there: survey-service's is kept
        assertEquals("A survey.\n\nRoles: admin, analyst.",
                paths.path("/api/v1/surveys/{surveyId}").path("get").path("description").asText());
        assertEquals("survey-read", paths.path("/api/v1/surveys/{surveyId}").path("get")
                .path("x-hearken-route").asText());
        assertEquals("customer-360", paths.path("/api/v1/customers/{profileId}/360").path("get")
                .path("x-hearken-route").asText());
    }

    @Test
    void authenticatedOperationsGetTheBearerSchemePublicOnesNone() throws Exception {
        JsonNode paths = merged().path("paths");
        JsonNode read = paths.path("/api/v1/surveys/{surveyId}").path("get");
        assertEquals("[{\"bearer\":[]}]", read.path("security").toString());
        assertEquals("[\"admin\",\"analyst\"]", read.path("x-hearken-roles").toString());
        assertEquals("#/components/responses/Unauthorized", read.path("responses").path("401").path("$ref")
                .asText());
        JsonNode render = paths.path("/api/v1/public/surveys/{surveyId}").path("get");
        assertEquals("[]", render.path("security").toString());
        assertFalse(render.path("responses").has("401"));
        assertEquals("#/components/responses/Unavailable", render.path("responses").path("503").path("$ref")
                .asText());
        assertTrue(paths.path("/api/v1/cases/{id}/notes").path("post").path("responses").has("413"));
        assertEquals("#/components/responses/TooManyRequests", render.path("responses").path("429").path("$ref")
                .asText());
    }

    @Test
    void dropsTheGatewaysHeadersAndDeclaresErrorsAsProblems() throws Exception {
        JsonNode read = merged().path("paths").path("/api/v1/surveys/{surveyId}").path("get");
        assertEquals(1, read.path("parameters").size());
        assertEquals("surveyId", read.path("parameters").path(0).path("name").asText());
        JsonNode notFound = read.path("responses").path("404");
        assertEquals("No such survey", notFound.path("description").asText());
        assertEquals("#/components/schemas/Problem", notFound.path("content").path("application/problem+json")
                .path("schema").path("$ref").asText());
    }

    @Test
    void renamesClashingSchemasAndDropsUnusedOnes() throws Exception {
        JsonNode document = merged();
        JsonNode schemas = document.path("components").path("schemas");
        assertEquals(List.of("Answer", "InsightAnswer", "Problem"), fieldNames(schemas));
        assertEquals("#/components/schemas/InsightAnswer", document.path("paths")
                .path("/api/v1/surveys/{surveyId}/nps").path("get").path("responses").path("200").path("content")
                .path("application/json").path("schema").path("$ref").asText());
        assertEquals("[{\"name\":\"Customers\"},{\"name\":\"Respondents\"},{\"name\":\"Surveys\","
                + "\"description\":\"Survey definitions\"}]", document.path("tags").toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
