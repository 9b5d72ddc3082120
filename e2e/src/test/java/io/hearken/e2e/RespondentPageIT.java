package io.hearken.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.survey.domain.InvitationToken;
import io.hearken.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The respondent's page in a real browser (Debian's headless Chromium), through the gateway, against the packaged
 * services: an invited customer answers in Japanese with the survey's branching, a survey is completed with the
 * keyboard alone, a replayed or broken invitation and a closed survey get their own page, a submission sent twice
 * or retried after a lost answer is stored once, and every main screen passes axe-core's WCAG A/AA rules with no
 * serious or critical violation. Each main screen is saved under {@code docs/screenshots/} for the README, and the
 * page's transferred size and time to interactive are written to {@code target/respondent-page-metrics.json}.
 */
class RespondentPageIT {

    /** A relationship NPS survey: a follow-up only detractors see, a second page, endings per outcome. */
    private static final String NPS_SURVEY = """
            {"name": "Respondent page NPS", "publish": true, "defaultLanguage": "en", "languages": ["en", "ja"],
             "title": {"en": "How was your visit?", "ja": "ご来店はいかがでしたか?"},
             "pages": [
               {"id": "score", "questions": [
                 {"id": "nps", "type": "NPS", "required": true,
                  "text": {"en": "How likely are you to recommend us to a friend?",
                           "ja": "当店を友人や同僚に薦める可能性はどのくらいありますか?"}},
                 {"id": "detractor_reason", "type": "TEXT", "required": true,
                  "showIf": {"question": "nps", "operator": "AT_MOST", "value": 6},
                  "settings": {"maxLength": 500},
                  "text": {"en": "You gave us {{nps}}. What should we have done better?",
                           "ja": "{{nps}}点とのこと、申し訳ありません。何を改善すべきでしたか?"}}]},
               {"id": "details", "title": {"en": "A little more", "ja": "もう少しだけ"}, "questions": [
                 {"id": "visit", "type": "SINGLE_CHOICE", "required": true,
                  "text": {"en": "Why did you come?", "ja": "ご来店の目的は?"},
                  "settings": {"options": [{"id": "buy", "label": {"en": "To buy", "ja": "購入"}},
                                           {"id": "return", "label": {"en": "To return", "ja": "返品"}}],
                               "allowOther": true}},
                 {"id": "csat", "type": "CSAT", "text": {"en": "How satisfied are you with our staff?",
                                                          "ja": "スタッフの対応にどのくらい満足していますか?"}},
                 {"id": "contact", "type": "CONSENT",
                  "text": {"en": "You may contact me about my answers.",
                           "ja": "回答について連絡を受けることに同意します。"}}]}],
             "endings": [
               {"id": "detractor", "when": {"question": "nps", "operator": "AT_MOST", "value": 6},
                "text": {"en": "Thank you. A manager will read this today.",
                         "ja": "貴重なご意見をありがとうございます。本日中に店長が拝見します。"}},
               {"id": "everyone", "text": {"en": "Thank you for your answers!", "ja": "ご回答ありがとうございました!"}}]}
            """;
    /** One question of every kind the domain has, as a survey designer would mix them. */
    private static final String EVERY_TYPE_SURVEY = """
            {"name": "Respondent page, every type", "publish": true, "title": {"en": "Store visit"},
             "pages": [{"id": "all", "questions": [
               {"id": "store", "type": "HIDDEN"},
               {"id": "stars", "type": "RATING", "required": true, "text": {"en": "How many stars?"},
                "settings": {"min": 1, "max": 10, "labels": {"1": {"en": "Awful"}, "10": {"en": "Superb"}}}},
               {"id": "ces", "type": "CES", "text": {"en": "How easy was it?"}},
               {"id": "visit", "type": "SINGLE_CHOICE", "required": true, "text": {"en": "Why did you come?"},
                "settings": {"options": [{"id": "buy", "label": {"en": "To buy"}},
                                         {"id": "return", "label": {"en": "To return"}}], "allowOther": true}},
               {"id": "liked", "type": "MULTIPLE_CHOICE", "text": {"en": "What did you like?"},
                "settings": {"options": [{"id": "staff", "label": {"en": "Staff"}},
                                         {"id": "price", "label": {"en": "Price"}},
                                         {"id": "layout", "label": {"en": "Layout"}}], "maxPicks": 2}},
               {"id": "rank", "type": "RANKING", "text": {"en": "Rank what matters most"},
                "settings": {"options": [{"id": "a", "label": {"en": "Price"}},
                                         {"id": "b", "label": {"en": "Speed"}}]}},
               {"id": "grid", "type": "MATRIX", "required": true, "text": {"en": "Rate each"},
                "settings": {"rows": [{"id": "clean", "label": {"en": "Clean"}},
                                      {"id": "quiet", "label": {"en": "Quiet"}}], "min": 1, "max": 5}},
               {"id": "when", "type": "DATE", "text": {"en": "When did you visit?"},
                "settings": {"earliest": "2020-01-01"}},
               {"id": "why", "type": "TEXT", "text": {"en": "You gave {{stars}} stars: why?"},
                "settings": {"maxLength": 200}},
               {"id": "contact", "type": "CONSENT", "required": true,
                "text": {"en": "You may contact me about my answers."}}]}],
             "endings": [{"id": "everyone", "text": {"en": "Thank you for your answers!"}}]}
            """;
    private static final By NEXT = By.id("next");

    private static Platform platform;
    private static String admin;

    @BeforeAll
    static void startPlatform() {
        Browser.requireInstalled();
        platform = Platform.get();
        admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
    }

    @Test
    void anInvitedCustomerAnswersInJapaneseWithBranchingAndTheResponseIsStored() throws Exception {
        String surveyId = platform.createSurvey(admin, NPS_SURVEY);
        String link = platform.invitationLink(admin, surveyId, "ja");
        // The browser asks for English: the invitation's language wins, as the customer's own.
        try (Browser browser = new Browser("en-US")) {
            browser.open(link);
            browser.shown(By.cssSelector("label[for='q-nps-9']"));
            recordPageMetrics(browser);
            assertEquals("ja", browser.script("return document.documentElement.lang"));
            assertEquals("ご来店はいかがでしたか?", browser.shown(By.id("survey-title")).getText());
            assertEquals("次へ", browser.shown(NEXT).getText());
            assertFalse(browser.driver().findElement(By.id("q-detractor_reason")).isDisplayed(),
                    "the follow-up is for detractors only");

            browser.click(By.cssSelector("label[for='q-nps-9']"));
            assertFalse(browser.driver().findElement(By.id("q-detractor_reason")).isDisplayed());
            browser.click(By.cssSelector("label[for='q-nps-3']"));
            WebElement followUp = browser.shown(By.id("q-detractor_reason-text"));
            assertEquals("3点とのこと、申し訳ありません。何を改善すべきでしたか?", followUp.getText(),
                    "the score is piped into the follow-up");
            browser.click(NEXT);
            WebElement error = browser.shown(By.id("q-detractor_reason-error"));
            assertEquals("この質問にお答えください。", error.getText());
            browser.shown(By.id("q-detractor_reason-input")).sendKeys("レジの待ち時間が長すぎました");
            assertNoSeriousViolations(browser, "the first page, in Japanese, with the detractors' follow-up");
            browser.screenshot(Browser.screenshots().resolve("respondent-question-ja.png"));

            browser.click(NEXT);
            browser.shown(By.id("page-title"));
            assertEquals("2 / 2 ページ", browser.shown(By.id("page-of")).getText());
            // The first page's answers are saved as a partial response: the link resumes there, also in another
            // browser (another device: nothing of this tab's storage), and going on there keeps one response.
            browser.waitForText(By.id("status"), "ここまでの回答を保存しました。");
            try (Browser phone = new Browser("en-US")) {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    phone.open(link);
                    phone.shown(By.id("page-of"));
                    assertEquals("おかえりなさい。前回の回答を入力済みです。",
                            phone.driver().findElement(By.id("status")).getText());
                });
                assertEquals("2 / 2 ページ", phone.shown(By.id("page-of")).getText());
                phone.click(By.id("back"));
                phone.shown(By.cssSelector("label[for='q-nps-3']"));
                assertTrue(phone.driver().findElement(By.id("q-nps-3")).isSelected(), "the saved score is back");
                assertEquals("レジの待ち時間が長すぎました", phone.shown(By.id("q-detractor_reason-input"))
                        .getAttribute("value"));
                phone.click(NEXT);
                phone.shown(By.id("page-title"));
            }
            browser.click(NEXT);
            browser.shown(By.id("q-visit-error"));
            assertNoSeriousViolations(browser, "the second page, with a required answer missing");
            browser.screenshot(Browser.screenshots().resolve("respondent-required-ja.png"));
            browser.click(By.cssSelector("label[for='q-visit-buy']"));
            browser.click(By.cssSelector("label[for='q-csat-2']"));
            browser.click(NEXT);

            WebElement closing = browser.shown(By.cssSelector(".closing-text"));
            assertEquals("貴重なご意見をありがとうございます。本日中に店長が拝見します。", closing.getText());
            assertEquals("ありがとうございました", browser.shown(By.id("closing-title")).getText());
            assertNoSeriousViolations(browser, "the closing page");
            browser.screenshot(Browser.screenshots().resolve("respondent-thanks-ja.png"));
        }

        Response stored = storedResponse(surveyId);
        assertEquals("ja", stored.path("items[0].language"));
        assertEquals("email", stored.path("items[0].channel"));
        assertEquals(true, stored.path("items[0].completed"));
        assertEquals(true, stored.path("items[0].respondent.verified"));
        assertEquals(Integer.valueOf(3), stored.path("items[0].answers.find { it.questionId == 'nps' }.score"));
        assertEquals("レジの待ち時間が長すぎました",
                stored.path("items[0].answers.find { it.questionId == 'detractor_reason' }.text"));
        assertEquals(List.of("buy"), stored.path("items[0].answers.find { it.questionId == 'visit' }.choices"));
        assertEquals(Integer.valueOf(2), stored.path("items[0].answers.find { it.questionId == 'csat' }.score"));
    }

    @Test
    void theLanguageIsTheLinksThenTheInvitationsThenTheBrowsersThenTheSurveysDefault() throws Exception {
        String surveyId = platform.createSurvey(admin, NPS_SURVEY.replace("\"defaultLanguage\": \"en\"",
                "\"defaultLanguage\": \"ja\""));
        String web = platform.gatewayUrl + "/respond/" + surveyId;
        String invitedInJapanese = platform.invitationLink(admin, surveyId, "ja");
        try (Browser browser = new Browser("zh-CN")) {
            // Chinese is not offered: the survey's default language, Japanese, page texts and lang included
            assertTitle(browser, web, "ご来店はいかがでしたか?", "ja");
            assertEquals("次へ", browser.shown(NEXT).getText());
            // The link's lang parameter is a choice made on purpose: it wins over the browser and the invitation
            assertTitle(browser, web + "?lang=en", "How was your visit?", "en");
            assertTitle(browser, invitedInJapanese + "&lang=en", "How was your visit?", "en");
        }
        try (Browser browser = new Browser("en-US")) {
            assertTitle(browser, invitedInJapanese, "ご来店はいかがでしたか?", "ja");
        }

        // Chinese in both scripts: a reader gets theirs, whichever way the browser names it
        String chinese = platform.createSurvey(admin, """
                {"name": "Respondent page, Chinese", "publish": true, "defaultLanguage": "en",
                 "languages": ["en", "zh-TW", "zh-CN"],
                 "title": {"en": "How was your visit?", "zh-TW": "您這次的體驗如何?", "zh-CN": "您这次的体验如何?"},
                 "questions": [{"id": "nps", "type": "NPS", "required": true,
                   "text": {"en": "Would you recommend us?", "zh-TW": "您會推薦我們嗎?", "zh-CN": "您会推荐我们吗?"}}]}
                """);
        for (Map.Entry<String, String> reader : Map.of("zh-HK", "zh-TW", "zh-Hant-TW", "zh-TW", "zh", "zh-CN",
                "zh-SG", "zh-CN").entrySet()) {
            try (Browser browser = new Browser(reader.getKey())) {
                String expected = reader.getValue().equals("zh-TW") ? "您這次的體驗如何?" : "您这次的体验如何?";
                assertTitle(browser, platform.gatewayUrl + "/respond/" + chinese, expected, reader.getValue());
            }
        }
    }

    private static void assertTitle(Browser browser, String link, String title, String language) {
        browser.open(link);
        assertEquals(title, browser.shown(By.id("survey-title")).getText(), link);
        assertEquals(language, browser.script("return document.documentElement.lang"), link);
    }

    @Test
    void aSurveyCanBeCompletedWithTheKeyboardAlone() throws Exception {
        String surveyId = platform.createSurvey(admin, NPS_SURVEY
                .replace("\"languages\": [\"en\", \"ja\"]", "\"languages\": [\"en\"]")
                .replaceAll(",\\s*\"ja\": \"[^\"]*\"", ""));
        try (Browser browser = new Browser("en-US")) {
            browser.open(platform.gatewayUrl + "/respond/" + surveyId);
            browser.shown(By.cssSelector("label[for='q-nps-0']"));
            // Tab into the score's radio group, Space picks the score that has the focus: 0, a detractor.
            browser.tab();
            assertEquals("q-nps-0", browser.focused().getAttribute("id"));
            assertFocusIsVisible(browser);
            browser.press(Keys.SPACE);
            browser.shown(By.id("q-detractor_reason-input"));
            browser.tab();
            assertEquals("q-detractor_reason-input", browser.focused().getAttribute("id"));
            assertFocusIsVisible(browser);
            browser.press("The queue was far too long");
            browser.tab();
            assertEquals("next", browser.focused().getAttribute("id"));
            assertFocusIsVisible(browser);
            browser.press(Keys.ENTER);

            browser.shown(By.id("page-title"));
            browser.tab();
            assertEquals("q-visit-buy", browser.focused().getAttribute("id"));
            browser.press(Keys.SPACE);
            browser.tab(); // the score of the optional CSAT question: left unanswered
            assertEquals("q-csat-1", browser.focused().getAttribute("id"));
            browser.tab();
            assertEquals("q-contact-input", browser.focused().getAttribute("id"));
            browser.press(Keys.SPACE);
            browser.tab();
            assertEquals("next", browser.focused().getAttribute("id"));
            assertEquals("Submit", browser.focused().getText());
            browser.press(Keys.ENTER);
            assertEquals("Thank you. A manager will read this today.",
                    browser.shown(By.cssSelector(".closing-text")).getText());
        }
        Response stored = storedResponse(surveyId);
        assertEquals(Integer.valueOf(0), stored.path("items[0].answers.find { it.questionId == 'nps' }.score"));
        assertEquals("The queue was far too long",
                stored.path("items[0].answers.find { it.questionId == 'detractor_reason' }.text"));
        assertEquals(true, stored.path("items[0].answers.find { it.questionId == 'contact' }.consent"));
        assertEquals("web", stored.path("items[0].channel"));
    }

    @Test
    void aReplayedBrokenOrExpiredInvitationAndAClosedSurveyEachGetAClearPage() throws Exception {
        String surveyId = platform.createSurvey(admin, NPS_SURVEY);
        String link = platform.invitationLink(admin, surveyId, "ja");
        String token = link.substring(link.indexOf("invitation=") + "invitation=".length());
        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body(Map.of("invitation", token, "answers", Map.of("nps", 10, "visit", "buy")))
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202);
        storedResponse(surveyId);
        try (Browser browser = new Browser("ja")) {
            browser.open(link);
            assertEquals("すでに回答済みです", browser.shown(By.id("message-title")).getText());
            assertNoSeriousViolations(browser, "the page of a replayed invitation");
            browser.screenshot(Browser.screenshots().resolve("respondent-already-answered-ja.png"));

            browser.open(platform.gatewayUrl + "/respond/" + surveyId + "?invitation=inv1.not-a-real-token");
            assertEquals("この招待リンクは無効です", browser.shown(By.id("message-title")).getText());

            // Signed with the platform's own key, so only its age is wrong: a link whose time ran out.
            String expired = new InvitationToken("inv-" + UUID.randomUUID(), "acme", surveyId, "C-late", "email",
                    "ja", Instant.now().minus(Duration.ofMinutes(1)))
                    .sign(new InvitationToken.SigningKey("k1", Base64.getDecoder().decode(platform.invitationSigningKey)));
            browser.open(platform.gatewayUrl + "/respond/" + surveyId + "?invitation=" + expired);
            assertEquals("この招待の有効期限が切れています", browser.shown(By.id("message-title")).getText());
            assertNoSeriousViolations(browser, "the page of an expired invitation");

            given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                    .when().post("/api/v1/surveys/{id}/close", surveyId).then().statusCode(200);
            browser.open(platform.gatewayUrl + "/respond/" + surveyId);
            assertEquals("このアンケートは終了しました", browser.shown(By.id("message-title")).getText());
            assertNoSeriousViolations(browser, "the page of a closed survey");
        }
        try (Browser browser = new Browser("zh-TW")) {
            browser.open(platform.gatewayUrl + "/respond/" + UUID.randomUUID());
            assertEquals("找不到問卷", browser.shown(By.id("message-title")).getText());
            assertEquals("zh-TW", browser.script("return document.documentElement.lang"));
        }
    }

    @Test
    void aDoubleClickAndARetryAfterALostAnswerStoreOneResponse() throws Exception {
        String surveyId = platform.createSurvey(admin, NPS_SURVEY);
        try (Browser browser = new Browser("en-GB")) {
            browser.open(platform.gatewayUrl + "/respond/" + surveyId);
            browser.click(By.cssSelector("label[for='q-nps-9']"));
            browser.click(NEXT);
            browser.shown(By.id("page-title"));
            browser.click(By.cssSelector("label[for='q-visit-return']"));
            // The first completion reaches survey-service, but its answer is lost on the way back (a timeout, a
            // dropped connection): the page must offer a retry, which must not make a second response.
            browser.script("""
                    const real = window.fetch;
                    window.fetch = async (url, init) => {
                      const answer = await real(url, init);
                      if (init && init.method === 'POST' && JSON.parse(init.body).complete && !window.lostOnce) {
                        window.lostOnce = true;
                        throw new TypeError('Failed to fetch');
                      }
                      return answer;
                    };
                    """);
            WebElement submit = browser.shown(NEXT);
            browser.script("arguments[0].click(); arguments[0].click();", submit);
            assertEquals("We could not reach the survey", browser.shown(By.id("message-title")).getText());
            assertNoSeriousViolations(browser, "the network failure page");
            browser.screenshot(Browser.screenshots().resolve("respondent-network-failure-en.png"));
            browser.click(By.id("retry"));
            assertEquals("Thank you for your answers!", browser.shown(By.cssSelector(".closing-text")).getText());
        }
        storedResponse(surveyId);
        // A second response, had one been made, would be projected within seconds: the count stays one throughout
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                        .when().get("/api/v1/surveys/{id}/responses", surveyId)
                        .then().statusCode(200).header("X-Total-Count", "1"));
    }

    @Test
    void everyQuestionTypeIsAnsweredInTheBrowserAndStoredAsItsKindTakesIt() throws Exception {
        String surveyId = platform.createSurvey(admin, EVERY_TYPE_SURVEY);
        try (Browser browser = new Browser("en-US")) {
            browser.open(platform.gatewayUrl + "/respond/" + surveyId + "?store=42&lang=en");
            browser.click(By.cssSelector("label[for='q-stars-8']"));
            browser.click(By.cssSelector("label[for='q-ces-6']"));
            browser.click(By.cssSelector("label[for='q-visit-other']"));
            browser.shown(By.id("q-visit-other-text")).sendKeys("Just browsing");
            browser.click(By.cssSelector("label[for='q-liked-staff']"));
            browser.click(By.cssSelector("label[for='q-liked-price']"));
            browser.click(By.cssSelector("label[for='q-liked-layout']"));
            browser.click(NEXT);
            assertEquals("Please choose 1 to 2 options.", browser.shown(By.id("q-liked-error")).getText());
            browser.click(By.cssSelector("label[for='q-liked-layout']"));
            new Select(browser.shown(By.id("q-rank-b"))).selectByValue("1");
            new Select(browser.shown(By.id("q-rank-a"))).selectByValue("2");
            browser.click(By.cssSelector("label[for='q-grid-clean-4']"));
            browser.click(By.cssSelector("label[for='q-grid-quiet-5']"));
            // A date field's typing order depends on the browser's locale; set it as a date picker would.
            browser.script("const input = document.getElementById('q-when-input'); input.value = '2026-11-20';"
                    + " input.dispatchEvent(new Event('change'));");
            browser.shown(By.id("q-why-input")).sendKeys("Friendly staff, {{not piped}} <b>no markup</b>");
            browser.click(By.cssSelector("label[for='q-contact-input']"));
            assertNoSeriousViolations(browser, "every question type");
            browser.screenshot(Browser.screenshots().resolve("respondent-every-type-en.png"));
            browser.click(NEXT);
            assertEquals("Thank you for your answers!", browser.shown(By.cssSelector(".closing-text")).getText());
        }
        Response stored = storedResponse(surveyId);
        assertEquals("42", stored.path("items[0].answers.find { it.questionId == 'store' }.text"));
        assertEquals(Integer.valueOf(8), stored.path("items[0].answers.find { it.questionId == 'stars' }.score"));
        assertEquals(Integer.valueOf(6), stored.path("items[0].answers.find { it.questionId == 'ces' }.score"));
        assertEquals(List.of("other"), stored.path("items[0].answers.find { it.questionId == 'visit' }.choices"));
        assertEquals("Just browsing", stored.path("items[0].answers.find { it.questionId == 'visit' }.otherText"));
        assertEquals(List.of("staff", "price"),
                stored.path("items[0].answers.find { it.questionId == 'liked' }.choices"));
        assertEquals(List.of("b", "a"), stored.path("items[0].answers.find { it.questionId == 'rank' }.choices"));
        assertEquals(Map.of("clean", 4, "quiet", 5),
                stored.path("items[0].answers.find { it.questionId == 'grid' }.rows"));
        assertEquals("2026-11-20", stored.path("items[0].answers.find { it.questionId == 'when' }.date"));
        assertEquals("Friendly staff, {{not piped}} <b>no markup</b>",
                stored.path("items[0].answers.find { it.questionId == 'why' }.text"));
        assertEquals(true, stored.path("items[0].answers.find { it.questionId == 'contact' }.consent"));
    }

    /** The survey's one stored response, once the projection has it. */
    private static Response storedResponse(String surveyId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(platform.gatewayUrl)
                .auth().oauth2(admin).when().get("/api/v1/surveys/{id}/responses", surveyId), answer ->
                answer.statusCode() == 200 && answer.jsonPath().getList("items.findAll { it.completed }").size() == 1);
    }

    private static void assertNoSeriousViolations(Browser browser, String screen) throws Exception {
        List<String> serious = browser.seriousAccessibilityViolations(screen);
        assertTrue(serious.isEmpty(), "axe-core on " + screen + ":\n" + String.join("\n", serious));
    }

    /** The focused control (or the visible face drawn for a hidden radio or checkbox) has a solid outline. */
    private static void assertFocusIsVisible(Browser browser) {
        String outline = (String) browser.script("""
                const focused = document.activeElement;
                const drawn = focused.matches('.point input, .option input') ? focused.nextElementSibling : focused;
                const style = getComputedStyle(drawn);
                return style.outlineStyle + ' ' + style.outlineWidth;
                """);
        assertEquals("solid 3px", outline, "visible focus on " + browser.focused().getAttribute("id"));
    }

    /**
     * What the first load of the page cost, in the browser (Navigation and Resource Timing): bytes of HTML, scripts
     * and styles as transferred (gzip) and unpacked, DOM interactive, and the moment the survey could be answered.
     */
    private static void recordPageMetrics(Browser browser) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) browser.script("""
                const nav = performance.getEntriesByType('navigation')[0];
                const files = performance.getEntriesByType('resource')
                  .filter(entry => entry.name.includes('/respond/assets/'));
                const ready = performance.getEntriesByName('hearken:survey-ready')[0];
                return {
                  domInteractiveMs: nav.domInteractive,
                  domContentLoadedMs: nav.domContentLoadedEventEnd,
                  surveyReadyMs: ready ? ready.startTime : null,
                  htmlEncodedBytes: nav.encodedBodySize,
                  htmlDecodedBytes: nav.decodedBodySize,
                  assetsEncodedBytes: files.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
                  assetsDecodedBytes: files.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
                  files: files.map(entry => entry.name.split('/').pop() + ' ' + entry.encodedBodySize + '/'
                    + entry.decodedBodySize)
                };
                """);
        Map<String, Object> metrics = new LinkedHashMap<>(timing);
        long encoded = ((Number) timing.get("htmlEncodedBytes")).longValue()
                + ((Number) timing.get("assetsEncodedBytes")).longValue();
        long decoded = ((Number) timing.get("htmlDecodedBytes")).longValue()
                + ((Number) timing.get("assetsDecodedBytes")).longValue();
        metrics.put("totalEncodedBytes", encoded);
        metrics.put("totalDecodedBytes", decoded);
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(metrics);
        System.out.println("Respondent page, first load: " + json);
        Path file = Path.of("target/respondent-page-metrics.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        assertTrue(encoded > 0 && encoded < 64 * 1024, "the page stays small: " + encoded + " bytes");
        given().baseUri(platform.gatewayUrl).when().get("/respond/assets/respond.js")
                .then().header("Content-Security-Policy", equalTo(
                        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"));
    }
}
