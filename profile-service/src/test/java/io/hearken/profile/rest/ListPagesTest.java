package io.hearken.profile.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

import static io.hearken.profile.rest.ProfileApiTest.tenant;
import static io.hearken.profile.rest.ProfileApiTest.traits;
import static io.hearken.profile.rest.ProfileApiTest.upsert;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The profile lists in the API's one page shape ({items, next}, after, limit, Link rel="next"): walked to the end
 * while new items arrive, with neither a gap nor a repeat, and refusing a bad limit or a foreign cursor by name.
 */
@QuarkusTest
class ListPagesTest {

    @Test
    void searchWalksEveryProfileOnceWhileProfilesAreAdded() {
        String tenant = tenant();
        List<String> before = new ArrayList<>();
        for (int index = 0; index < 7; index++) {
            before.add(inKanto(tenant, "P-" + index));
        }
        List<String> seen = walk(tenant, "/v1/profiles/search?trait=region:kanto", "id",
                page -> inKanto(tenant, "P-new-" + page));
        assertEquals(new HashSet<>(seen).size(), seen.size(), "no profile twice: " + seen);
        assertTrue(seen.containsAll(before), "every profile there before the walk: " + seen);
    }

    @Test
    void segmentMembersAndTimelinePageTheSameWay() {
        String tenant = tenant();
        List<String> members = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            members.add(inKanto(tenant, "M-" + index));
        }
        String segment = given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"name\": \"kanto\", \"rule\": {\"trait\": \"region\", \"op\": \"eq\", \"value\": \"kanto\"}}")
                .when().post("/v1/profiles/segments").then().statusCode(201).extract().path("id");
        List<String> seen = walk(tenant, "/v1/profiles/segments/" + segment + "/members?", null,
                page -> inKanto(tenant, "M-new-" + page));
        assertEquals(new HashSet<>(seen).size(), seen.size(), "no member twice: " + seen);
        assertTrue(seen.containsAll(members), "every member there before the walk: " + seen);

        String profile = members.get(0);
        for (int index = 0; index < 5; index++) {
            touchpoint(tenant, "M-0", "visit-" + index, "2026-10-0" + (index + 1) + "T10:00:00Z");
        }
        // Newest first: a touchpoint recorded during the walk is newer than every page already read.
        List<String> details = walk(tenant, "/v1/profiles/" + profile + "/timeline?type=visit", "detail",
                page -> touchpoint(tenant, "M-0", "late-" + page, "2026-11-0" + (page + 1) + "T10:00:00Z"));
        assertEquals(List.of("visit-4", "visit-3", "visit-2", "visit-1", "visit-0"), details);
    }

    @Test
    void savedSegmentsPageByName() {
        String tenant = tenant();
        List<String> names = List.of("a kanto", "b kanto", "c kanto", "d kanto", "e kanto");
        names.forEach(name -> given().header("X-Hearken-Tenant", tenant).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"rule\": {\"trait\": \"region\", \"op\": \"eq\", "
                        + "\"value\": \"kanto\"}}")
                .when().post("/v1/profiles/segments").then().statusCode(201));
        assertEquals(names, walk(tenant, "/v1/profiles/segments?", "name", page -> null));
    }

    @Test
    void refusesALimitOutOfRangeAndACursorOfAnotherListNamingTheParameter() {
        String tenant = tenant();
        String profile = inKanto(tenant, "R-1");
        inKanto(tenant, "R-2");
        given().header("X-Hearken-Tenant", tenant).queryParam("trait", "region:kanto").queryParam("limit", 501)
                .when().get("/v1/profiles/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        String searchCursor = given().header("X-Hearken-Tenant", tenant).queryParam("trait", "region:kanto")
                .queryParam("limit", 1).when().get("/v1/profiles/search").then().statusCode(200)
                .extract().path("next");
        assertNotNull(searchCursor);
        given().header("X-Hearken-Tenant", tenant).queryParam("after", searchCursor)
                .when().get("/v1/profiles/{id}/timeline", profile)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
        given().header("X-Hearken-Tenant", tenant).queryParam("trait", "region:kanto")
                .queryParam("after", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
                .when().get("/v1/profiles/search")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
    }

    /**
     * Follows {@code next} as {@code after} with two items a page, checking that the Link header names the same
     * next page; after each page {@code arrive} adds an item to the list (twice). Returns the {@code field} of every
     * item seen (the item itself when null).
     */
    private static List<String> walk(String tenant, String list, String field, Function<Integer, Object> arrive) {
        List<String> seen = new ArrayList<>();
        String after = null;
        int page = 0;
        do {
            String url = list + (list.endsWith("?") ? "" : "&") + "limit=2"
                    + (after == null ? "" : "&after=" + after);
            ExtractableResponse<Response> answer = given().header("X-Hearken-Tenant", tenant)
                    .urlEncodingEnabled(false).when().get(url).then().statusCode(200).extract();
            seen.addAll(answer.jsonPath().getList(field == null ? "items" : "items." + field, String.class));
            after = answer.jsonPath().getString("next");
            String link = answer.header("Link");
            if (after == null) {
                assertNull(link);
            } else {
                assertNotNull(link, "a page with a next page names it in Link: " + answer.headers());
                assertTrue(link.matches("<http://[^>]+/v1/profiles/[^>]*[?&]after=" + after + "(&[^>]*)?>; "
                        + "rel=\"next\""), link);
            }
            if (page < 2) {
                arrive.apply(page);
            }
            page++;
        } while (after != null);
        return seen;
    }

    private static String inKanto(String tenant, String customerId) {
        String id = upsert(tenant, "{\"customerId\": \"" + customerId + "\"}");
        traits(tenant, id, "{\"set\": {\"region\": \"kanto\"}}", 200);
        return id;
    }

    private static Object touchpoint(String tenant, String customerId, String detail, String occurredAt) {
        return given().header("X-Hearken-Tenant", tenant).header("X-Hearken-Caller", "partner:shop")
                .contentType(ContentType.JSON)
                .body("""
                        {"eventId": "%s", "type": "visit", "identities": {"customerId": "%s"},
                         "channel": "web", "stage": "purchase", "detail": "%s", "occurredAt": "%s"}"""
                        .formatted(detail, customerId, detail, occurredAt))
                .when().post("/v1/profiles/events").then().statusCode(201);
    }
}
