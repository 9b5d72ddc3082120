package io.hearken.e2e;

import io.hearken.testing.KeycloakTokens;
import io.hearken.testing.MailInbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's case inbox and customer 360 in a real browser, on cases the platform opened itself: an invited
 * customer answers as a detractor, the survey's alert rule raises an alert and insight-service opens a case; an agent
 * who logged in through Keycloak's form finds it in the inbox with its SLA counting down, sees the next detractor's
 * case arrive in the open inbox by itself (live updates, no reload), is shown the problem next to the field when a
 * resolution lacks its outcome, assigns the case to herself, writes a note, opens the customer 360 with one click
 * (profile, verified identities, timeline, the open case) and resolves the case with an outcome and a root cause,
 * which then reaches the customer's timeline. An analyst reads the same case in Japanese with no action in the page
 * (the gateway refuses them anyway). A case past its deadline is flagged in the inbox and on its page in words, with
 * a sign and in bold, not by colour alone. Every screen passes axe-core with no serious violation and no CSP
 * violation.
 */
class ConsoleCasesIT {

    private static final String SURVEY = """
            {"name": "%s", "publish": true, "title": {"en": "How was your delivery?"},
             "questions": [
               {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Would you recommend us?"}},
               {"id": "reason", "type": "TEXT", "text": {"en": "Why?"}}]}
            """;

    private static Platform platform;
    private static String admin;
    private static String agent;

    @BeforeAll
    static void startPlatform() {
        Browser.requireInstalled();
        platform = Platform.get();
        admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
        agent = KeycloakTokens.forUser(platform.keycloakUrl, "agatha");
    }

    @Test
    void anAgentWorksACaseFromTheInboxToTheCustomerAndAnAnalystOnlyReadsIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String surveyId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY.formatted("Console cases " + suffix)).when().post("/api/v1/surveys")
                .then().statusCode(201).extract().path("id");
        String rule = "Detractors " + suffix;
        // A rule of this survey only, so no other test's detractors open cases through it
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"name": "%s", "type": "DETRACTOR", "priority": "HIGH", "surveyId": "%s"}"""
                        .formatted(rule, surveyId))
                .when().post("/api/v1/alert-rules").then().statusCode(201);

        // An invited customer (a verified identity) answers as a detractor: a case, a profile, a timeline
        String customerId = "E2E-CASES-" + suffix;
        String email = customerId.toLowerCase() + "@example.com";
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "recipients", List.of(Map.of("customerId", customerId,
                        "email", email))))
                .when().post("/api/v1/surveys/{id}/invitations/batch", surveyId).then().statusCode(202);
        String invitation = MailInbox.invitationTo(platform.mailApiUrl, email, Duration.ofSeconds(60));
        String responseId = given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "invitation", invitation,
                        "answers", Map.of("nps", 2, "reason", "The parcel arrived broken " + suffix)))
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).extract().path("id");
        String caseId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> caseOf(responseId), id -> id != null);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(agent).queryParam("customerId", customerId)
                        .when().get("/api/v1/profiles/lookup").then().statusCode(200));
        JsonPath opened = given().baseUri(platform.gatewayUrl).auth().oauth2(agent)
                .when().get("/api/v1/cases/{id}", caseId).then().statusCode(200).extract().jsonPath();

        String liveCaseId;
        try (Browser browser = ConsoleIT.console("en-US", null)) {
            browser.open(platform.gatewayUrl + "/console/#/cases");
            ConsoleIT.logInThroughKeycloak(browser, "agatha");
            // An agent may not read surveys: no survey list, the inbox first
            browser.shown(By.id("nav-cases"));
            assertTrue(browser.driver().findElements(By.id("nav-surveys")).isEmpty(), "no survey list for an agent");
            assertEquals("Case inbox", browser.shown(By.id("page-title")).getText());
            WebElement row = browser.shown(By.cssSelector("#cases tr[data-case='" + caseId + "']"));
            assertTrue(row.getText().contains(rule), row.getText());
            assertTrue(row.getText().contains("High"), row.getText());
            assertTrue(row.getText().contains(customerId), row.getText());
            WebElement sla = row.findElement(By.cssSelector("[data-due]"));
            assertEquals(opened.getString("dueAt"), sla.getAttribute("data-due"));
            assertTrue(sla.getText().matches("due in 2[0-3] h \\d{1,2} min"), "a HIGH case has 24 h: " + sla.getText());

            // Live: the next detractor's case arrives in the open inbox without a reload, and is announced
            browser.script("window.sameDocument = true");
            String liveResponseId = given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                    .body(Map.of("channel", "web", "language", "en",
                            "answers", Map.of("nps", 1, "reason", "Never again " + suffix)))
                    .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(202).extract().path("id");
            liveCaseId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> caseOf(liveResponseId), id -> id != null);
            WebElement live = browser.shown(By.cssSelector("#cases tr.fresh[data-case='" + liveCaseId + "']"));
            assertTrue(live.getText().contains("Anonymous"), live.getText());
            assertEquals(Boolean.TRUE, browser.script("return window.sameDocument"), "no reload");
            await().atMost(Duration.ofSeconds(5)).until(() -> String.valueOf(browser.script(
                    "return document.getElementById('status').textContent")).contains("new case"));
            assertNoSeriousViolation(browser, "the case inbox");
            browser.screenshot(Browser.screenshots().resolve("console-cases.png"));

            browser.click(By.cssSelector("#cases tr[data-case='" + caseId + "'] a"));
            browser.shown(By.cssSelector("main[data-ready='true']"));
            assertEquals(rule, browser.shown(By.id("page-title")).getText());
            assertEquals("Open", browser.shown(By.id("case-status")).getText());
            assertEquals("NPS 2 is a detractor score (0–6)", browser.shown(By.id("alert-reason")).getText());
            // The response behind the alert, as the customer wrote it
            assertEquals("2", browser.shown(By.cssSelector("#case-response [data-question='nps']")).getText());
            assertEquals("The parcel arrived broken " + suffix, browser.shown(By.cssSelector(
                    "#case-response [data-question='reason']")).getText());

            // A resolution without an outcome: the API's problem, next to the field it names
            browser.click(By.id("resolve"));
            WebElement outcomeError = browser.shown(By.id("outcome-error"));
            assertTrue(outcomeError.getText().contains("outcome"), outcomeError.getText());
            assertEquals("true", browser.shown(By.id("outcome")).getAttribute("aria-invalid"));
            assertEquals("outcome", browser.focused().getAttribute("id"), "the field named takes the focus");

            browser.click(By.id("assign-me"));
            browser.waitForText(By.id("case-status"), "Assigned");
            assertEquals("agatha", browser.shown(By.id("case-assignee")).getText());
            browser.shown(By.id("note-text")).sendKeys("Called the customer, a new parcel is on its way.");
            browser.click(By.id("add-note"));
            WebElement note = browser.shown(By.cssSelector("#notes li"));
            assertTrue(note.getText().contains("a new parcel is on its way") && note.getText().contains("agatha"),
                    note.getText());
            assertTrue(browser.driver().findElements(By.cssSelector("main > *")).stream()
                    .noneMatch(part -> part.getText().equals("null")), "nothing left out shows as text");
            assertNoSeriousViolation(browser, "a case, assigned");
            browser.screenshot(Browser.screenshots().resolve("console-case.png"));

            // One click to the customer: profile, verified identities, timeline, the open case
            browser.click(By.id("customer-link"));
            browser.shown(By.cssSelector("main[data-ready='true']"));
            assertEquals("Customer " + customerId, browser.shown(By.id("page-title")).getText());
            assertEquals("Verified customer", browser.shown(By.id("profile-trust")).getText());
            WebElement identity = browser.shown(By.cssSelector("#identities tr[data-kind='customer_id']"));
            assertTrue(identity.getText().contains(customerId) && identity.getText().contains("Verified"),
                    identity.getText());
            browser.shown(By.cssSelector("#customer-cases li[data-case='" + caseId + "']"));
            browser.shown(By.cssSelector("#timeline li[data-type='response.submitted']"));
            browser.shown(By.cssSelector("#customer-feedback [data-response='" + responseId + "']"));
            assertTrue(browser.driver().findElements(By.id("missing")).isEmpty(), "every part is there");

            browser.click(By.cssSelector("#customer-cases li[data-case='" + caseId + "'] a"));
            browser.shown(By.cssSelector("main[data-ready='true'] #resolve-form"));
            new Select(browser.shown(By.id("outcome"))).selectByValue("RECOVERED");
            browser.shown(By.id("root-cause")).sendKeys("courier.damage");
            browser.click(By.id("resolve"));
            browser.waitForText(By.id("case-status"), "Resolved");
            assertEquals("Recovered", browser.shown(By.id("resolution-outcome")).getText());
            assertEquals("courier.damage", browser.shown(By.id("resolution-root-cause")).getText());
            assertTrue(browser.driver().findElements(By.id("case-actions")).isEmpty(), "a resolved case is final");
            given().baseUri(platform.gatewayUrl).auth().oauth2(agent).when().get("/api/v1/cases/{id}", caseId)
                    .then().statusCode(200).body("status", equalTo("RESOLVED")).body("assignee", equalTo("agatha"))
                    .body("notes[0].author", equalTo("agatha"));

            // The resolution reaches the customer's timeline through profile-service (a moment later)
            browser.click(By.id("customer-link"));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                browser.click(By.id("refresh"));
                browser.shown(By.cssSelector("main[data-ready='true']"));
                assertTrue(browser.shown(By.cssSelector("#timeline li[data-type='case.resolved']")).getText()
                        .contains("courier.damage"));
            });
            browser.shown(By.id("no-open-cases"));
            assertNoSeriousViolation(browser, "the customer 360");
            browser.screenshot(Browser.screenshots().resolve("console-customer.png"));
        }

        try (Browser browser = ConsoleIT.console("ja", null)) {
            // The case that arrived live, still open: an agent could act on it, an analyst may only read it
            browser.open(platform.gatewayUrl + "/console/#/cases/" + liveCaseId);
            ConsoleIT.logInThroughKeycloak(browser, "arthur");
            browser.shown(By.cssSelector("main[data-ready='true']"));
            assertEquals(rule, browser.shown(By.id("page-title")).getText());
            assertEquals("ケース", browser.shown(By.id("nav-cases")).getText());
            assertEquals("未対応", browser.shown(By.id("case-status")).getText());
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector("[data-case-action], "
                    + "#case-actions, #assign, #resolve, #add-note")), "no case action for an analyst");
            assertNoSeriousViolation(browser, "a case, read by an analyst in Japanese");
        }
        String analyst = KeycloakTokens.forUser(platform.keycloakUrl, "arthur");
        given().baseUri(platform.gatewayUrl).auth().oauth2(analyst).contentType(ContentType.JSON)
                .body("{\"text\": \"an analyst's note\"}")
                .when().post("/api/v1/cases/{id}/notes", caseId).then().statusCode(403);
    }

    @Test
    void anOverdueCaseIsFlaggedInWordsNotByColourAlone() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String surveyId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY.formatted("Console overdue " + suffix)).when().post("/api/v1/surveys")
                .then().statusCode(201).extract().path("id");
        // URGENT: the platform gives an urgent case seconds (Platform.URGENT_SLA), as a deployment may set it
        String rule = "Urgent detractors " + suffix;
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"name": "%s", "type": "DETRACTOR", "priority": "URGENT", "surveyId": "%s"}"""
                        .formatted(rule, surveyId))
                .when().post("/api/v1/alert-rules").then().statusCode(201);
        String responseId = given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "answers", Map.of("nps", 1, "reason", "Nobody called back " + suffix)))
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).extract().path("id");
        String caseId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> caseOf(responseId), id -> id != null);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(agent).when().get("/api/v1/cases/{id}", caseId)
                        .then().statusCode(200).body("overdue", equalTo(true)));

        try (Browser browser = ConsoleIT.console("en-US", null)) {
            browser.open(platform.gatewayUrl + "/console/#/cases");
            ConsoleIT.logInThroughKeycloak(browser, "agatha");
            new Select(browser.shown(By.id("filter-state"))).selectByValue("overdue");
            WebElement row = browser.shown(By.cssSelector("#cases tr[data-case='" + caseId + "']"));
            assertTrue(row.getAttribute("class").contains("overdue-row"), row.getAttribute("class"));
            WebElement sla = row.findElement(By.cssSelector("[data-due]"));
            assertTrue(sla.getAttribute("class").contains("overdue"), sla.getAttribute("class"));
            // In words and weight, with a sign, not only in red
            assertTrue(sla.getText().matches("⚠ Overdue by \\d+ min"), sla.getText());
            assertEquals("700", sla.findElement(By.tagName("strong")).getCssValue("font-weight"));
            assertNoSeriousViolation(browser, "the inbox with an overdue case");

            browser.click(By.cssSelector("#cases tr[data-case='" + caseId + "'] a"));
            browser.waitForText(By.id("page-title"), rule);
            assertTrue(browser.shown(By.cssSelector("[data-due]")).getText().startsWith("⚠ Overdue by"));

            // and in the reader's language
            new Select(browser.shown(By.id("language"))).selectByValue("ja");
            browser.waitForText(By.cssSelector("[data-due]"), "期限超過");
            assertTrue(browser.shown(By.cssSelector("[data-due]")).getText().matches("⚠ 期限超過 \\d+分"),
                    browser.shown(By.cssSelector("[data-due]")).getText());
        }
    }

    /** The case the response raised, once insight-service has opened it; null until then. */
    private static String caseOf(String responseId) {
        return given().baseUri(platform.gatewayUrl).auth().oauth2(agent).queryParam("responseId", responseId)
                .when().get("/api/v1/cases").then().statusCode(200).extract().path("items[0].id");
    }

    private static void assertNoSeriousViolation(Browser browser, String screen) throws Exception {
        List<String> serious = browser.seriousAccessibilityViolations(screen);
        assertTrue(serious.isEmpty(), "axe-core on " + screen + ":\n" + String.join("\n", serious));
        assertEquals(List.of(), browser.script("return window.cspViolations"), "no CSP violation on " + screen);
    }
}
