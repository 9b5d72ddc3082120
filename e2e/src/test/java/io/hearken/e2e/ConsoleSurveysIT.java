package io.hearken.e2e;

import io.hearken.survey.domain.QuestionType;
import io.hearken.testing.KeycloakTokens;
import io.hearken.testing.MailInbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's survey editor and distribution in a real browser, against the packaged services and Keycloak: an
 * admin who logged in through Keycloak's form designs a survey (an NPS, a choice and a text question, a rule that
 * asks the text question only of detractors, a Japanese translation of every text), sees the field survey-service
 * refuses named next to it, previews it as a respondent, publishes it as version 1; a respondent answers it in
 * Japanese on the public page with the rule applied; the admin invites customers by email and SMS and reads the
 * response rate by channel once one of them answered, and exports it; pausing stops the respondent page. An admin
 * builds a survey with one question of every type the domain has, each with its settings, and publishes it; once a
 * respondent answered version 1, an edit is published as version 2 while version 1 and its response stay as they
 * were, and closing the survey leaves the editor with nothing to do and the respondent page closed. An analyst
 * reads the distribution and finds no editor action. An admin sets the survey's settings (one response per
 * respondent, a quota screening out detractors, the origins that may embed it) and the widget's tag, sees the origin
 * survey-service refuses named next to its field, and finds the settings stored. axe-core finds no serious violation
 * on any of these screens.
 */
class ConsoleSurveysIT {

    private static final String NPS_JA = "当店を友人に薦める可能性はどのくらいありますか?";
    private static final String COMMENT_JA = "改善すべき点を教えてください。";
    private static final String PAUSED_JA = "このアンケートは現在一時停止中です。しばらくしてからもう一度お試しください。";
    private static final String RECOMMEND_US = "How likely are you to recommend us to a friend?";
    private static final String RECOMMEND_OUR_SHOP = "How likely are you to recommend our shop to a friend?";
    private static final String CONSENT_WORDING = "You may contact me about my answers.";

    private static Platform platform;
    private static String admin;

    @BeforeAll
    static void startPlatform() {
        Browser.requireInstalled();
        platform = Platform.get();
        admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
    }

    @Test
    void anAdminDesignsPublishesDistributesAndPausesASurvey() throws Exception {
        String name = "Editor " + UUID.randomUUID().toString().substring(0, 8);
        String first = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String second = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String phone = "+8180" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
        Path downloads = Browser.emptyDownloadFolder("console-surveys-downloads");
        String surveyId;
        try (Browser browser = ConsoleIT.console("en-US", downloads)) {
            browser.open(platform.gatewayUrl + "/console/");
            ConsoleIT.logInThroughKeycloak(browser, "alice");
            browser.click(By.id("new-survey"));
            browser.waitForText(By.id("page-title"), "New survey");
            type(browser, By.id("survey-name"), name);
            type(browser, By.id("survey-title"), "How was your visit?");
            browser.click(By.id("lang-ja"));

            addQuestion(browser, "NPS");
            type(browser, question("nps", "textarea"), RECOMMEND_US);
            browser.click(question("nps", "input[id$='-required']"));
            addQuestion(browser, "SINGLE_CHOICE");
            type(browser, question("choice", "textarea"), "What did you come for?");
            type(browser, question("choice", ".options-editor li:nth-of-type(1) input[id$='-label']"), "To buy");
            type(browser, question("choice", ".options-editor li:nth-of-type(2) input[id$='-label']"), "To return");
            addQuestion(browser, "TEXT");
            type(browser, question("comment", "textarea"), "What should we improve?");
            // A length survey-service refuses: its message must come back next to the field
            type(browser, question("comment", "input[id$='-max-length']"), "9999");

            // The text question only for detractors (NPS at most 6)
            browser.click(By.id("add-rule"));
            new Select(browser.shown(By.cssSelector("#rules select[id$='-c0-question']"))).selectByValue("nps");
            assertEquals("AT_MOST", new Select(browser.shown(By.cssSelector("#rules select[id$='-c0-operator']")))
                    .getFirstSelectedOption().getAttribute("value"));
            type(browser, By.cssSelector("#rules input[id$='-c0-value']"), "6");
            String commentKey = browser.shown(question("comment", "")).getAttribute("data-question");
            assertEquals(commentKey, new Select(browser.shown(By.cssSelector("#rules select[id$='-target']")))
                    .getFirstSelectedOption().getAttribute("value"), "the rule shows the text question");

            // Japanese side by side; a missing translation is flagged until it is given
            browser.shown(By.id("tr-title-ja-missing"));
            type(browser, By.id("tr-title-ja"), "ご来店はいかがでしたか?");
            browser.waitUntilHidden(By.id("tr-title-ja-missing"));
            type(browser, By.id("tr-pages-0-questions-0-text-ja"), NPS_JA);
            type(browser, By.id("tr-pages-0-questions-1-text-ja"), "ご来店の目的は?");
            type(browser, By.id("tr-pages-0-questions-1-settings-options-0-label-ja"), "購入");
            type(browser, By.id("tr-pages-0-questions-1-settings-options-1-label-ja"), "返品");
            type(browser, By.id("tr-pages-0-questions-2-text-ja"), COMMENT_JA);

            browser.click(By.id("save"));
            WebElement refusal = browser.shown(By.cssSelector(
                    ".field-error[data-error-for='pages[0].questions[2].settings.maxLength']"));
            assertTrue(refusal.getText().contains("5000"), refusal.getText());
            assertEquals("true", browser.driver().findElement(question("comment", "input[id$='-max-length']"))
                    .getAttribute("aria-invalid"));
            browser.shown(By.id("editor-errors"));
            assertTrue(browser.driver().getCurrentUrl().endsWith("#/surveys/new"), "nothing was created");

            type(browser, question("comment", "input[id$='-max-length']"), "500");
            browser.click(By.id("save"));
            browser.waitForText(By.id("editor-state"), "Draft saved.");
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector(".field-error")));
            String url = browser.driver().getCurrentUrl();
            assertTrue(url.matches(".*#/surveys/[^/]+/edit$"), url);
            surveyId = url.replaceAll(".*#/surveys/([^/]+)/edit$", "$1");
            JsonPath draft = survey(surveyId);
            assertEquals("DRAFT", draft.getString("status"));
            assertEquals(List.of("en", "ja"), draft.getList("draft.languages"));
            assertEquals("nps", draft.getString("draft.pages[0].questions[2].showIf.question"));
            assertEquals("AT_MOST", draft.getString("draft.pages[0].questions[2].showIf.operator"));
            assertEquals(6, draft.getInt("draft.pages[0].questions[2].showIf.value"));
            assertEquals("返品", draft.getString("draft.pages[0].questions[1].settings.options[1].label.ja"));
            assertEquals(500, draft.getInt("draft.pages[0].questions[2].settings.maxLength"));

            // The preview draws the draft with the respondent page's modules: the rule holds there too
            browser.click(By.id("preview-toggle"));
            browser.shown(By.id("preview-host"));
            assertEquals(true, browser.script("return document.getElementById('preview-host').shadowRoot"
                    + ".getElementById('q-comment').hidden"));
            browser.script("document.getElementById('preview-host').shadowRoot"
                    + ".querySelector(\"label[for='q-nps-3']\").click()");
            assertEquals(false, browser.script("return document.getElementById('preview-host').shadowRoot"
                    + ".getElementById('q-comment').hidden"));
            assertFalse(browser.shown(By.id("main")).getText().contains("null"), "nothing left out is written");
            browser.screenshot(Browser.screenshots().resolve("console-editor.png"));
            browser.click(By.id("preview-toggle"));
            List<String> serious = browser.seriousAccessibilityViolations("the survey editor");
            assertTrue(serious.isEmpty(), "axe-core on the editor:\n" + String.join("\n", serious));

            browser.click(By.id("action-publish"));
            browser.driver().switchTo().alert().accept();
            browser.waitForText(By.id("published-version"), "Published version: 1");
            browser.shown(By.cssSelector("#version-table tr[data-version='1']"));
            browser.shown(By.id("action-pause"));
            assertEquals(List.of(), browser.script("return window.cspViolations"), "no CSP violation");
        }

        // A respondent in Japanese: the text question appears only for a detractor's score
        try (Browser respondent = new Browser("ja")) {
            respondent.open(platform.gatewayUrl + "/respond/" + surveyId);
            assertEquals(NPS_JA, respondent.shown(By.id("q-nps-text")).getText());
            assertEquals("ja", respondent.script("return document.documentElement.lang"));
            respondent.click(By.cssSelector("label[for='q-nps-9']"));
            assertFalse(respondent.driver().findElement(By.id("q-comment")).isDisplayed(), "no comment for a 9");
            respondent.click(By.cssSelector("label[for='q-nps-3']"));
            assertEquals(COMMENT_JA, respondent.shown(By.id("q-comment-text")).getText());
            respondent.click(By.cssSelector("label[for='q-choice-option2']"));
            respondent.shown(By.id("q-comment-input")).sendKeys("待ち時間が長い");
            respondent.click(By.id("next"));
            respondent.shown(By.cssSelector(".closing-text"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(platform.gatewayUrl)
                .auth().oauth2(admin).when().get("/api/v1/surveys/{id}/responses", surveyId)
                .then().statusCode(200)
                .body("items[0].language", equalTo("ja"))
                .body("items[0].surveyVersion", equalTo(1))
                .body("items[0].answers.find { it.questionId == 'comment' }.text", equalTo("待ち時間が長い")));

        try (Browser browser = ConsoleIT.console("en-US", downloads)) {
            browser.open(platform.gatewayUrl + "/console/#/surveys/" + surveyId + "/edit");
            ConsoleIT.logInThroughKeycloak(browser, "alice");
            browser.click(By.id("to-distribution"));
            browser.shown(By.id("invite-form"));

            // A recipient survey-service refuses is named by its line, and nothing is kept
            new Select(browser.shown(By.id("invite-channel"))).selectByValue("sms");
            type(browser, By.id("invite-recipients"), phone + ", E2E-S1\nnot-a-phone");
            browser.click(By.id("invite-send"));
            assertTrue(browser.shown(By.id("invite-errors")).getText().startsWith("Line 2: "),
                    browser.shown(By.id("invite-errors")).getText());
            type(browser, By.id("invite-recipients"), phone + ", E2E-S1");
            browser.click(By.id("invite-send"));
            browser.waitForText(By.id("invite-result"), "1 invitation(s) kept");

            new Select(browser.shown(By.id("invite-channel"))).selectByValue("email");
            type(browser, By.id("invite-recipients"), first + ", E2E-M1, ja\n" + second + ", E2E-M2");
            browser.click(By.id("invite-send"));
            browser.waitForText(By.id("invite-result"), "2 invitation(s) kept");

            // One of the two emails is answered through its link: email 1 of 2, SMS none yet
            String token = MailInbox.invitationTo(platform.mailApiUrl, first, Duration.ofSeconds(30));
            MailInbox.invitationTo(platform.mailApiUrl, second, Duration.ofSeconds(30));
            given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                    .body(Map.of("channel", "web", "invitation", token, "answers", Map.of("nps", 10)))
                    .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(202);
            // A refresh redraws the table: a row read while it is replaced is simply read again
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .untilAsserted(() -> {
                        browser.click(By.id("rates-refresh"));
                        assertEquals("50 %", browser.shown(By.cssSelector(
                                "#rates tr[data-channel='email'] td[data-column='rate']")).getText());
                        assertEquals("0 %", browser.shown(By.cssSelector(
                                "#rates tr[data-channel='sms'] td[data-column='rate']")).getText());
                    });
            assertEquals(3, browser.driver().findElements(By.cssSelector("#invitations tbody tr")).size());
            browser.shown(By.cssSelector("#invitations td[data-status='COMPLETED']"));
            browser.shown(By.cssSelector("#rates-chart canvas"));
            browser.click(By.id("rates-csv"));
            Path csv = await().atMost(Duration.ofSeconds(10)).until(() -> Browser.downloaded(downloads, ".csv"),
                    Optional::isPresent).orElseThrow();
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertTrue(lines.get(0).startsWith("\ufeffChannel,Scheduled,Sent,"), lines.get(0));
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("email,") && line.endsWith(",2,50")),
                    String.join("\n", lines));
            List<String> serious = browser.seriousAccessibilityViolations("the distribution");
            assertTrue(serious.isEmpty(), "axe-core on the distribution:\n" + String.join("\n", serious));
            browser.screenshot(Browser.screenshots().resolve("console-distribution.png"));

            // Paused: the respondent page says so, in the respondent's language
            browser.click(By.id("to-editor-from-distribution"));
            browser.click(By.id("action-pause"));
            browser.driver().switchTo().alert().accept();
            browser.shown(By.id("action-resume"));
            assertEquals(List.of(), browser.script("return window.cspViolations"), "no CSP violation");
        }
        try (Browser respondent = new Browser("ja")) {
            respondent.open(platform.gatewayUrl + "/respond/" + surveyId);
            respondent.shown(By.id("message-title"));
            assertEquals(PAUSED_JA, respondent.shown(By.cssSelector(".message p")).getText());
        }
    }

    @Test
    void anAdminBuildsEveryQuestionTypeAndEditsAPublishedSurveyIntoASecondVersion() throws Exception {
        String name = "Every type " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = ConsoleIT.console("en-US", null)) {
            browser.open(platform.gatewayUrl + "/console/");
            ConsoleIT.logInThroughKeycloak(browser, "alice");
            browser.click(By.id("new-survey"));
            browser.waitForText(By.id("page-title"), "New survey");
            type(browser, By.id("survey-name"), name);
            type(browser, By.id("survey-title"), "Your visit to our shop");
            buildOneQuestionOfEveryType(browser);
            browser.click(By.id("save"));
            browser.waitForText(By.id("editor-state"), "Draft saved.");
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector(".field-error")));
            String url = browser.driver().getCurrentUrl();
            assertTrue(url.matches(".*#/surveys/[^/]+/edit$"), url);
            String surveyId = url.replaceAll(".*#/surveys/([^/]+)/edit$", "$1");
            browser.screenshot(Browser.screenshots().resolve("console-editor-every-type.png"));
            List<String> serious = browser.seriousAccessibilityViolations("the editor holding every question type");
            assertTrue(serious.isEmpty(), "axe-core on the editor:\n" + String.join("\n", serious));

            browser.click(By.id("action-publish"));
            browser.driver().switchTo().alert().accept();
            browser.waitForText(By.id("published-version"), "Published version: 1");
            JsonPath first = survey(surveyId);
            assertEquals("ACTIVE", first.getString("status"));
            assertEquals(1, first.getInt("publishedVersion"));
            assertEquals(1, first.getInt("latest.version"));
            assertEveryTypeAsBuilt(first, "latest.content");

            // Version 1 answered once, with what it requires: the NPS and the consent; the hidden order id comes
            // with the link
            try (Browser respondent = new Browser("en")) {
                respondent.open(platform.gatewayUrl + "/respond/" + surveyId + "?order=A-1001");
                respondent.click(By.cssSelector("label[for='q-nps-9']"));
                respondent.click(By.cssSelector("label[for='q-consent-input']"));
                respondent.click(By.id("next"));
                respondent.shown(By.cssSelector(".closing-text"));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTheOneResponseAnsweredVersion1(surveyId));

            // Version 2: a question reworded and an option added; version 1 and its response stay as they were
            type(browser, question("nps", "textarea"), RECOMMEND_OUR_SHOP);
            browser.click(question("choice", "button[id$='-add-options']"));
            type(browser, question("choice", ".options-editor li:nth-of-type(3) input[id$='-label']"), "To exchange");
            browser.click(By.id("save"));
            browser.waitForText(By.id("editor-state"), "Draft saved.");
            browser.click(By.id("action-publish"));
            browser.driver().switchTo().alert().accept();
            browser.waitForText(By.id("published-version"), "Published version: 2");
            browser.shown(By.cssSelector("#version-table tr[data-version='1']"));
            assertEquals(List.of("2", "1"), browser.driver().findElements(By.cssSelector("#version-table tbody tr"))
                    .stream().map(row -> row.getAttribute("data-version")).toList(), "both versions, newest first");
            JsonPath second = survey(surveyId);
            assertEquals(2, second.getInt("publishedVersion"));
            assertEquals(2, second.getInt("latest.version"));
            assertNull(second.get("draft"), "nothing left to publish");
            assertEquals(typeNames(), second.getList("latest.content.pages[0].questions.type"));
            assertEquals(RECOMMEND_OUR_SHOP, second.getString(at("latest.content", "nps", "text.en")));
            assertEquals(List.of("To buy", "To return", "To exchange"),
                    second.getList(at("latest.content", "choice", "settings.options.label.en")));
            JsonPath versionOne = given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                    .when().get("/api/v1/surveys/{id}/versions/1", surveyId).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(1, versionOne.getInt("version"));
            assertEveryTypeAsBuilt(versionOne, "content");
            assertTheOneResponseAnsweredVersion1(surveyId);

            // Closed for good: no more answers, and the editor offers nothing more to do
            browser.click(By.id("action-close"));
            browser.driver().switchTo().alert().accept();
            browser.waitForText(By.id("editor-status"), "Closed");
            assertTrue(browser.shown(By.id("main")).getText().contains("This survey is closed: it takes no more "
                    + "changes."));
            assertFalse(browser.shown(By.id("save")).isEnabled(), "nothing more can be saved");
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector("[data-admin-action]:enabled")),
                    "no publish, pause, resume or close");
            assertEquals("CLOSED", survey(surveyId).getString("status"));
            assertEquals(List.of(), browser.script("return window.cspViolations"), "no CSP violation");

            try (Browser respondent = new Browser("en")) {
                respondent.open(platform.gatewayUrl + "/respond/" + surveyId);
                assertEquals("This survey is closed", respondent.shown(By.id("message-title")).getText());
                assertEquals("This survey no longer takes answers. Thank you for your interest.",
                        respondent.shown(By.cssSelector(".message p")).getText());
            }
        }
    }

    @Test
    void anAdminSetsTheSurveysSettingsAndSeesARefusedOriginNextToItsField() throws Exception {
        String surveyId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"name": "Settings %s", "title": {"en": "Hello"},
                         "questions": [{"id": "nps", "type": "NPS", "text": {"en": "Recommend us?"}}],
                         "endings": [{"id": "full", "text": {"en": "We have heard enough from customers like you."}}]}
                        """.formatted(UUID.randomUUID()))
                .when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");
        try (Browser browser = ConsoleIT.console("en-US", null)) {
            browser.open(platform.gatewayUrl + "/console/#/surveys/" + surveyId + "/edit");
            ConsoleIT.logInThroughKeycloak(browser, "alice");
            browser.shown(By.id("survey-settings"));
            browser.click(By.id("one-per-respondent"));

            // A quota of 50 detractors, who are then screened out to the closing text "full"
            browser.click(By.id("add-quota"));
            type(browser, By.cssSelector("#quotas input[id$='-limit']"), "50");
            new Select(browser.shown(By.cssSelector("#quotas select[id$='-action']"))).selectByValue("REDIRECT");
            assertEquals("full", new Select(browser.shown(By.cssSelector("#quotas select[id$='-ending']")))
                    .getFirstSelectedOption().getAttribute("value"));
            browser.click(By.cssSelector("#quotas button[id$='-add']"));
            new Select(browser.shown(By.cssSelector("#quotas select[id$='-c0-operator']"))).selectByValue("AT_MOST");
            type(browser, By.cssSelector("#quotas input[id$='-c0-value']"), "6");

            // Two origins, the second of them with a path survey-service refuses
            browser.click(By.id("add-origin"));
            type(browser, By.id("origin-0"), "https://shop.example.com");
            browser.click(By.id("add-origin"));
            type(browser, By.id("origin-1"), "https://shop.example.com/checkout");

            // The widget's settings live in its tag: chosen here, written into the tag to paste
            new Select(browser.shown(By.id("widget-trigger"))).selectByValue("delay");
            type(browser, By.id("widget-delay"), "10");
            type(browser, By.id("widget-recontact-days"), "30");
            String tag = browser.shown(By.id("widget-code")).getDomProperty("value");
            assertTrue(tag.startsWith("<script src=\"" + platform.gatewayUrl + "/respond/assets/widget.js\" async"),
                    tag);
            assertTrue(tag.contains("data-survey=\"" + surveyId + "\" data-trigger=\"delay\" data-delay-seconds=\"10\" "
                    + "data-recontact-days=\"30\"></script>"), tag);

            browser.click(By.id("save"));
            WebElement refusal = browser.shown(By.cssSelector(
                    ".field-error[data-error-for='settings.allowedOrigins[1]']"));
            assertTrue(refusal.getText().contains("must be an origin"), refusal.getText());
            assertEquals("true", browser.shown(By.id("origin-1")).getAttribute("aria-invalid"));
            given().baseUri(platform.gatewayUrl).auth().oauth2(admin).when().get("/api/v1/surveys/{id}", surveyId)
                    .then().statusCode(200).body("draft.settings", equalTo(null));
            browser.screenshot(Browser.screenshots().resolve("console-editor-settings.png"));

            type(browser, By.id("origin-1"), "https://m.shop.example.com:8443");
            browser.click(By.id("save"));
            browser.waitForText(By.id("editor-state"), "Draft saved.");
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector(".field-error")));
            List<String> serious = browser.seriousAccessibilityViolations("the editor's settings");
            assertTrue(serious.isEmpty(), "axe-core on the settings:\n" + String.join("\n", serious));
            assertEquals(List.of(), browser.script("return window.cspViolations"), "no CSP violation");
        }
        JsonPath draft = survey(surveyId);
        assertEquals(true, draft.getBoolean("draft.settings.onePerRespondent"));
        assertEquals(List.of("https://shop.example.com", "https://m.shop.example.com:8443"),
                draft.getList("draft.settings.allowedOrigins"));
        assertEquals(50, draft.getInt("draft.settings.quotas[0].limit"));
        assertEquals("REDIRECT", draft.getString("draft.settings.quotas[0].action"));
        assertEquals("full", draft.getString("draft.settings.quotas[0].endingId"));
        assertEquals("nps", draft.getString("draft.settings.quotas[0].when.question"));
        assertEquals("AT_MOST", draft.getString("draft.settings.quotas[0].when.operator"));
        assertEquals(6, draft.getInt("draft.settings.quotas[0].when.value"));
    }

    @Test
    void anAnalystReadsTheDistributionButFindsNoEditorAction() throws Exception {
        String surveyId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"name": "Analyst view %s", "publish": true, "title": {"en": "Hello"},
                         "questions": [{"id": "nps", "type": "NPS", "text": {"en": "Recommend us?"}}]}
                        """.formatted(UUID.randomUUID()))
                .when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");
        try (Browser browser = ConsoleIT.console("en-US", null)) {
            browser.open(platform.gatewayUrl + "/console/#/surveys/" + surveyId + "/distribution");
            ConsoleIT.logInThroughKeycloak(browser, "arthur");
            browser.shown(By.cssSelector("main[data-ready='true']"));
            browser.shown(By.id("rates-title"));
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector("[data-admin-action], #invite-form, "
                    + "#to-editor-from-distribution")), "no admin action in the DOM");

            browser.script("window.location.hash = '#/surveys/" + surveyId + "'");
            browser.shown(By.id("to-distribution"));
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector("[data-admin-action], #to-editor")));
            browser.script("window.location.hash = '#/'");
            browser.shown(By.id("surveys"));
            assertEquals(List.of(), browser.driver().findElements(By.id("new-survey")));

            browser.script("window.location.hash = '#/surveys/" + surveyId + "/edit'");
            assertEquals("Your role does not allow this.", browser.shown(By.id("error-detail")).getText());
            List<String> serious = browser.seriousAccessibilityViolations("the refused editor");
            assertTrue(serious.isEmpty(), "axe-core:\n" + String.join("\n", serious));
        }
        String analyst = KeycloakTokens.forUser(platform.keycloakUrl, "arthur");
        given().baseUri(platform.gatewayUrl).auth().oauth2(analyst).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "title", Map.of("en", "x")))
                .when().put("/api/v1/surveys/{id}/draft", surveyId).then().statusCode(403);
        given().baseUri(platform.gatewayUrl).auth().oauth2(analyst)
                .when().get("/api/v1/surveys/{id}/invitations", surveyId).then().statusCode(200);
    }

    /**
     * One question of every kind, in the domain's order, each with its wording and the settings it takes typed into
     * the editor's own controls; {@link #assertEveryTypeAsBuilt} reads them back.
     */
    private static void buildOneQuestionOfEveryType(Browser browser) {
        addQuestion(browser, "NPS");
        type(browser, question("nps", "textarea"), RECOMMEND_US);
        browser.click(question("nps", "input[id$='-required']"));

        addQuestion(browser, "CSAT");
        type(browser, question("csat", "textarea"), "How satisfied are you with your visit?");
        type(browser, question("csat", "input[id$='-label-low']"), "Very unsatisfied");
        type(browser, question("csat", "input[id$='-label-high']"), "Very satisfied");

        addQuestion(browser, "CES");
        type(browser, question("ces", "textarea"), "How easy was it to find what you needed?");

        // The ends' wording first, then a wider range: the wording moves with the ends
        addQuestion(browser, "RATING");
        type(browser, question("rating", "textarea"), "How would you rate our staff?");
        type(browser, question("rating", "input[id$='-label-low']"), "Poor");
        type(browser, question("rating", "input[id$='-label-high']"), "Excellent");
        typeAndLeave(browser, question("rating", "input[id$='-min']"), "0");
        typeAndLeave(browser, question("rating", "input[id$='-max']"), "10");

        addQuestion(browser, "SINGLE_CHOICE");
        type(browser, question("choice", "textarea"), "What did you come for?");
        type(browser, question("choice", ".options-editor li:nth-of-type(1) input[id$='-label']"), "To buy");
        type(browser, question("choice", ".options-editor li:nth-of-type(2) input[id$='-label']"), "To return");

        addQuestion(browser, "MULTIPLE_CHOICE");
        type(browser, question("choices", "textarea"), "Which departments did you visit?");
        type(browser, question("choices", ".options-editor li:nth-of-type(1) input[id$='-label']"), "Clothing");
        type(browser, question("choices", ".options-editor li:nth-of-type(2) input[id$='-label']"), "Shoes");
        browser.click(question("choices", "input[id$='-allow-other']"));
        type(browser, question("choices", "input[id$='-max-picks']"), "2");

        addQuestion(browser, "RANKING");
        type(browser, question("ranking", "textarea"), "What matters most to you?");
        type(browser, question("ranking", ".options-editor li:nth-of-type(1) input[id$='-label']"), "Price");
        type(browser, question("ranking", ".options-editor li:nth-of-type(2) input[id$='-label']"), "Quality");
        browser.click(question("ranking", "button[id$='-add-options']"));
        type(browser, question("ranking", ".options-editor li:nth-of-type(3) input[id$='-label']"), "Service");
        browser.click(question("ranking", "input[id$='-randomise']"));

        addQuestion(browser, "MATRIX");
        type(browser, question("matrix", "textarea"), "How was each part of your visit?");
        type(browser, question("matrix", ".options-editor li:nth-of-type(1) input[id$='-label']"), "Checkout");
        type(browser, question("matrix", ".options-editor li:nth-of-type(2) input[id$='-label']"), "Fitting rooms");
        typeAndLeave(browser, question("matrix", "input[id$='-max']"), "7");

        addQuestion(browser, "TEXT");
        type(browser, question("comment", "textarea"), "What should we improve?");
        type(browser, question("comment", "input[id$='-max-length']"), "500");

        // A date as a person types it into the browser's own date field (month, day, year in en-US)
        addQuestion(browser, "DATE");
        type(browser, question("date", "textarea"), "When did you visit?");
        type(browser, question("date", "input[id$='-earliest']"), "01012024");
        type(browser, question("date", "input[id$='-latest']"), "12312030");

        addQuestion(browser, "CONSENT");
        type(browser, question("consent", "textarea"), CONSENT_WORDING);
        browser.click(question("consent", "input[id$='-required']"));

        // A hidden field has no wording; it is named for what the link carries
        addQuestion(browser, "HIDDEN");
        typeAndLeave(browser, question("hidden", "input[id$='-id']"), "order");
        type(browser, question("order", "input[id$='-max-length']"), "40");
    }

    /** The content at {@code content} in {@code survey} holds the questions buildOneQuestionOfEveryType built. */
    private static void assertEveryTypeAsBuilt(JsonPath survey, String content) {
        assertEquals(typeNames(), survey.getList(content + ".pages[0].questions.type"),
                "one question of every type the domain has, in order");
        assertEquals(List.of("nps", "csat", "ces", "rating", "choice", "choices", "ranking", "matrix", "comment",
                "date", "consent", "order"), survey.getList(content + ".pages[0].questions.id"));
        assertEquals(List.of("nps", "consent"), survey.getList(content
                + ".pages[0].questions.findAll { it.required }.id"), "the two questions marked required");
        assertEquals(RECOMMEND_US, survey.getString(at(content, "nps", "text.en")));
        assertEquals("Very unsatisfied", survey.getString(at(content, "csat", "settings.labels.'1'.en")));
        assertEquals("Very satisfied", survey.getString(at(content, "csat", "settings.labels.'5'.en")));
        assertEquals("How easy was it to find what you needed?", survey.getString(at(content, "ces", "text.en")));

        assertEquals(0, survey.getInt(at(content, "rating", "settings.min")));
        assertEquals(10, survey.getInt(at(content, "rating", "settings.max")));
        assertEquals(Map.of("0", Map.of("en", "Poor"), "10", Map.of("en", "Excellent")),
                survey.getMap(at(content, "rating", "settings.labels")), "the wording moved with the ends");

        assertEquals(List.of("option1", "option2"), survey.getList(at(content, "choice", "settings.options.id")));
        assertEquals(List.of("To buy", "To return"),
                survey.getList(at(content, "choice", "settings.options.label.en")));
        assertEquals(List.of("Clothing", "Shoes"),
                survey.getList(at(content, "choices", "settings.options.label.en")));
        assertEquals(true, survey.getBoolean(at(content, "choices", "settings.allowOther")));
        assertEquals(2, survey.getInt(at(content, "choices", "settings.maxPicks")));
        assertEquals(List.of("Price", "Quality", "Service"),
                survey.getList(at(content, "ranking", "settings.options.label.en")));
        assertEquals(true, survey.getBoolean(at(content, "ranking", "settings.randomiseOptions")));

        assertEquals(List.of("row1", "row2"), survey.getList(at(content, "matrix", "settings.rows.id")));
        assertEquals(List.of("Checkout", "Fitting rooms"),
                survey.getList(at(content, "matrix", "settings.rows.label.en")));
        assertEquals(1, survey.getInt(at(content, "matrix", "settings.min")));
        assertEquals(7, survey.getInt(at(content, "matrix", "settings.max")));

        assertEquals(500, survey.getInt(at(content, "comment", "settings.maxLength")));
        assertEquals("2024-01-01", survey.getString(at(content, "date", "settings.earliest")));
        assertEquals("2030-12-31", survey.getString(at(content, "date", "settings.latest")));
        assertEquals(CONSENT_WORDING, survey.getString(at(content, "consent", "text.en")));
        assertEquals(40, survey.getInt(at(content, "order", "settings.maxLength")));
    }

    /** The survey's only response answers version 1: the NPS, the consent in its wording, the order from the link. */
    private static void assertTheOneResponseAnsweredVersion1(String surveyId) {
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                .when().get("/api/v1/surveys/{id}/responses", surveyId)
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].surveyVersion", equalTo(1))
                .body("items[0].answers.questionId", equalTo(List.of("nps", "consent", "order")))
                .body("items[0].answers.find { it.questionId == 'nps' }.score", equalTo(9))
                .body("items[0].answers.find { it.questionId == 'consent' }.consent", equalTo(true))
                .body("items[0].answers.find { it.questionId == 'consent' }.text", equalTo(CONSENT_WORDING))
                .body("items[0].answers.find { it.questionId == 'order' }.text", equalTo("A-1001"));
    }

    private static JsonPath survey(String surveyId) {
        return given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                .when().get("/api/v1/surveys/{id}", surveyId).then().statusCode(200).extract().jsonPath();
    }

    /** The JSON path of {@code path} inside question {@code questionId} of the one-page content at {@code content}. */
    private static String at(String content, String questionId, String path) {
        return content + ".pages[0].questions.find { it.id == '" + questionId + "' }." + path;
    }

    private static List<String> typeNames() {
        return Arrays.stream(QuestionType.values()).map(Enum::name).toList();
    }

    private static void addQuestion(Browser browser, String type) {
        new Select(browser.shown(By.cssSelector("select[id$='-add-type']"))).selectByValue(type);
        browser.click(By.cssSelector("button[data-add-question]"));
    }

    private static By question(String id, String inside) {
        return By.cssSelector(("li[data-question-id='" + id + "'] " + inside).trim());
    }

    /** Replaces a field's text, as a person selecting it and typing would. */
    private static void type(Browser browser, By field, String text) {
        WebElement input = browser.shown(field);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Replaces a field's text and leaves it, as a person would: a field whose change reshapes the editor (a scale's
     * range, an id) redraws it on leaving, so this waits until the old field is gone.
     */
    private static void typeAndLeave(Browser browser, By field, String text) {
        WebElement input = browser.shown(field);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(input));
    }

}
