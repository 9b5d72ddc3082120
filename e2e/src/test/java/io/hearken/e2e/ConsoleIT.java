package io.hearken.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CX console in a real browser (Debian's headless Chromium) against the packaged services and the real Keycloak:
 * a respondent answers an NPS survey on the respondent page, an admin logs in by typing into Keycloak's own login
 * form (authorization code with PKCE) and finds the new NPS on the survey's dashboard, with its margin, trend and
 * breakdown by channel, exportable as PNG and CSV, and the next response arrives on it by itself (live updates); an
 * analyst finds no admin action anywhere in the page; the
 * dashboard passes axe-core's WCAG A/AA rules with no serious or critical violation and runs without a single
 * Content-Security-Policy violation; an admin action and logging out work from the page. The main screens are saved
 * under {@code docs/screenshots/} for the README, and a reader loads the console's texts in their language only.
 *
 * <p>A partner who logged in sees only its own webhook subscriptions and their delivery log, and any other screen's
 * address is refused plainly, without a call to the API.
 *
 * <p>With access tokens of seconds, the console refreshes them and keeps working past their life; once the Keycloak
 * session has ended, it logs in again and comes back to the screen the person was opening.
 */
class ConsoleIT {

    /** NPS with a follow-up only detractors see, CSAT and CES, in English and Japanese. */
    private static final String SURVEY = """
            {"name": "%s", "publish": true, "defaultLanguage": "en", "languages": ["en", "ja"],
             "title": {"en": "How was your visit?", "ja": "ご来店はいかがでしたか?"},
             "pages": [{"id": "visit", "questions": [
               {"id": "nps", "type": "NPS", "required": true,
                "text": {"en": "How likely are you to recommend us to a friend?",
                         "ja": "当店を友人や同僚に薦める可能性はどのくらいありますか?"}},
               {"id": "reason", "type": "TEXT", "showIf": {"question": "nps", "operator": "AT_MOST", "value": 6},
                "text": {"en": "You gave us {{nps}}. What should we have done better?",
                         "ja": "{{nps}}点とのこと、申し訳ありません。何を改善すべきでしたか?"}},
               {"id": "csat", "type": "CSAT", "text": {"en": "How satisfied are you with our staff?",
                                                        "ja": "スタッフの対応にどのくらい満足していますか?"}},
               {"id": "ces", "type": "CES", "text": {"en": "How easy was it to get what you came for?",
                                                      "ja": "目的はどのくらい簡単に果たせましたか?"}}]}],
             "endings": [{"id": "everyone", "text": {"en": "Thank you for your answers!",
                                                      "ja": "ご回答ありがとうございました!"}}]}
            """;
    /** A desktop's screen: the console is where a CX team works. */
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    /** Records every Content-Security-Policy violation of the page, from its first script on. */
    private static final String CSP_RECORDER = "window.cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push("
            + "e.violatedDirective + ' ' + e.blockedURI));";

    /** The access token's life in the token refresh test, set on the console's client for that test only. */
    private static final Duration SHORT_TOKEN = Duration.ofSeconds(10);
    private static final String LIFESPAN = "access.token.lifespan";

    private static Platform platform;
    private static String admin;

    @BeforeAll
    static void startPlatform() {
        Browser.requireInstalled();
        platform = Platform.get();
        admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
    }

    @Test
    void aRespondentsNpsReachesTheDashboardOfAnAdminWhoLoggedInThroughKeycloak() throws Exception {
        String name = "Console NPS " + UUID.randomUUID().toString().substring(0, 8);
        String surveyId = survey(name);
        // Answers from two other channels first, so that the dashboard has a breakdown to show, and two from the
        // previous period (an offline kiosk's, answered 40 days ago), for the comparison with it
        record Seeded(String channel, int nps, int ces, int daysAgo) {
        }
        for (Seeded answer : List.of(new Seeded("in-app", 10, 5, 0), new Seeded("in-app", 7, 4, 0),
                new Seeded("in-app", 3, 2, 0), new Seeded("kiosk", 8, 6, 0), new Seeded("kiosk", 2, 3, 0),
                new Seeded("kiosk", 10, 7, 40), new Seeded("kiosk", 10, 6, 40))) {
            Map<String, Object> response = new HashMap<>(Map.of("channel", answer.channel(), "language", "en",
                    "answers", Map.of("nps", answer.nps(), "csat", Math.min(5, answer.nps() / 2 + 1),
                            "ces", answer.ces())));
            if (answer.daysAgo() > 0) {
                response.put("answeredAt", Instant.now().minus(Duration.ofDays(answer.daysAgo())).toString());
            }
            given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON).body(response)
                    .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(202);
        }
        // The respondent: a customer invited by email in Japanese, whose browser asks for English. The follow-up is
        // asked of a detractor's score and withdrawn when the score changes to a promoter's.
        String invitation = platform.invitationLink(admin, surveyId, "ja");
        try (Browser respondent = new Browser("en-US")) {
            respondent.open(invitation);
            assertEquals("ご来店はいかがでしたか?", respondent.shown(By.id("survey-title")).getText());
            respondent.click(By.cssSelector("label[for='q-nps-3']"));
            assertEquals("3点とのこと、申し訳ありません。何を改善すべきでしたか?",
                    respondent.shown(By.id("q-reason-text")).getText());
            respondent.click(By.cssSelector("label[for='q-nps-9']"));
            await().atMost(Duration.ofSeconds(5)).until(() -> !respondent.driver().findElement(By.id("q-reason"))
                    .isDisplayed());
            respondent.click(By.cssSelector("label[for='q-csat-5']"));
            respondent.click(By.cssSelector("label[for='q-ces-6']"));
            respondent.click(By.id("next"));
            assertEquals("ご回答ありがとうございました!", respondent.shown(By.cssSelector(".closing-text")).getText());
        }

        Path downloads = Browser.emptyDownloadFolder("console-downloads");
        try (Browser browser = console("en-US", downloads)) {
            browser.open(platform.gatewayUrl + "/console/");
            logInThroughKeycloak(browser, "alice");
            assertEquals("en", browser.script("return document.documentElement.lang"));
            browser.shown(By.id("nav-webhooks"));
            WebElement link = browser.shown(By.cssSelector("#surveys a[href='#/surveys/" + surveyId + "']"));
            assertEquals(name, link.getText());
            browser.screenshot(Browser.screenshots().resolve("console-surveys.png"));
            link.click();

            // This period's six answers: promoters 10 and 9, passives 7 and 8, detractors 3 and 2; NPS 0. The
            // previous period's two: promoters; NPS 100. Insight-service counts them as the responses topic is
            // read: refresh until the last one is in (bounded).
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                browser.click(By.id("refresh"));
                browser.shown(By.cssSelector("main[data-ready='true']"));
                assertEquals("6 answers", browser.shown(By.id("count-nps")).getText());
                // Six answers against two: a change of any size is not called significant on so few
                assertEquals("Previous period: 100 · Change: −100 (too few answers to tell)",
                        browser.shown(By.id("previous-nps")).getText());
            });
            assertEquals("0", browser.shown(By.id("score-nps")).getText());
            assertTrue(browser.shown(By.id("margin-nps")).getText().startsWith("± "), "the margin of error");
            assertEquals(name, browser.shown(By.id("page-title")).getText());
            // CSAT: answers 5, 4, 2, 5, 2 and 5, four in the top two boxes (66.7 %); CES: 5, 4, 2, 6, 3 and 6, mean 4.33
            assertEquals("66.7", browser.shown(By.id("score-csatTopTwoBox")).getText());
            assertTrue(browser.shown(By.id("margin-csatTopTwoBox")).getText().startsWith("± "), "CSAT's margin");
            assertEquals("4.33", browser.shown(By.id("score-cesMean")).getText());
            assertTrue(browser.shown(By.id("margin-cesMean")).getText().startsWith("± "), "CES's margin");
            WebElement email = browser.shown(By.cssSelector("#breakdown[data-by='channel'] tr[data-value='email']"));
            assertTrue(email.getText().contains("100"), "the invited respondent's answer is the email channel's: "
                    + email.getText());
            assertEquals(3, browser.driver().findElements(By.cssSelector("#breakdown tbody tr")).size(),
                    "email, in-app and kiosk");
            browser.shown(By.cssSelector("#trend-chart canvas"));
            browser.shown(By.cssSelector("#breakdown-chart canvas"));
            browser.shown(By.id("action-pause"));
            browser.shown(By.id("action-close"));
            @SuppressWarnings("unchecked")
            List<Object> previousLine = (List<Object>) browser.script("return echarts.getInstanceByDom("
                    + "document.getElementById('trend-chart')).getOption().series[1].data");
            assertTrue(previousLine.stream().anyMatch(point -> point instanceof Number value
                    && value.doubleValue() == 100), "the previous period's line has its day at 100: " + previousLine);

            browser.click(By.id("export-trend"));
            Path png = await().atMost(Duration.ofSeconds(10)).until(() -> Browser.downloaded(downloads, ".png"),
                    Optional::isPresent).orElseThrow();
            byte[] signature = Arrays.copyOf(Files.readAllBytes(png), 8);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, signature,
                    "the trend chart downloads as a PNG image: " + png.getFileName());
            // By the respondent's language: the invited customer answered in Japanese, the others in English
            new Select(browser.shown(By.id("breakdown-by"))).selectByValue("locale");
            WebElement japanese = browser.shown(By.cssSelector("#breakdown[data-by='locale'] tr[data-value='ja']"));
            assertTrue(japanese.getText().contains("100"), japanese.getText());
            assertEquals(2, browser.driver().findElements(By.cssSelector("#breakdown tbody tr")).size(), "en and ja");
            new Select(browser.shown(By.id("breakdown-by"))).selectByValue("channel");
            browser.shown(By.cssSelector("#breakdown[data-by='channel'] tr[data-value='email']"));
            browser.click(By.id("export-csv"));
            Path csv = await().atMost(Duration.ofSeconds(10)).until(() -> Browser.downloaded(downloads, ".csv"),
                    Optional::isPresent).orElseThrow();
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertTrue(lines.get(0).startsWith("\ufeffChannel,Answers,NPS,NPS ±,"), lines.get(0));
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("email,1,100,")), String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("in-app,3,")), String.join("\n", lines));

            recordPageMetrics(browser);
            List<String> serious = browser.seriousAccessibilityViolations("the console's dashboard");
            assertTrue(serious.isEmpty(), "axe-core on the dashboard:\n" + String.join("\n", serious));
            assertEquals(List.of(), browser.script("return window.cspViolations"), "no CSP violation");
            browser.screenshot(Browser.screenshots().resolve("console-dashboard.png"));

            // Live: a new response reaches the open dashboard without a refresh (server-sent events through the
            // gateway), and screen readers are told.
            long sent = System.nanoTime();
            given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                    .body(Map.of("channel", "kiosk", "language", "en", "answers", Map.of("nps", 10, "csat", 5)))
                    .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(202);
            browser.waitForText(By.id("count-nps"), "7 answers");
            System.out.println("Console, live: the dashboard counted a new response "
                    + Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms after it was sent");
            await().atMost(Duration.ofSeconds(5)).until(() -> "Updated with new responses.".equals(
                    browser.script("return document.getElementById('status').textContent")));

            new Select(browser.shown(By.id("language"))).selectByValue("ja");
            browser.waitForText(By.id("trend-title"), "前期間との比較推移");
            assertEquals("ja", browser.script("return document.documentElement.lang"));
            browser.shown(By.cssSelector("main[data-ready='true']"));
            assertEquals("回答 7 件", browser.shown(By.id("count-nps")).getText());
            browser.screenshot(Browser.screenshots().resolve("console-dashboard-ja.png"));

            // An admin action, confirmed in the browser's dialog, changes the survey through the API
            browser.click(By.id("action-pause"));
            browser.driver().switchTo().alert().accept();
            browser.shown(By.id("action-resume"));
            given().baseUri(platform.gatewayUrl).auth().oauth2(admin).when().get("/api/v1/surveys/{id}", surveyId)
                    .then().statusCode(200).body("status", equalTo("PAUSED"));
            browser.click(By.id("nav-webhooks"));
            browser.waitForText(By.id("page-title"), "Webhook 購読");
            assertEquals(List.of(), browser.script("return window.cspViolations"), "no CSP violation");
        }
    }

    @Test
    void anAnalystSeesNoAdminActionAnywhere() throws Exception {
        String surveyId = survey("Console analyst " + UUID.randomUUID().toString().substring(0, 8));
        try (Browser browser = console("zh-TW", null)) {
            browser.open(platform.gatewayUrl + "/console/#/surveys/" + surveyId);
            logInThroughKeycloak(browser, "arthur");
            // The address the analyst asked for survives the round trip to Keycloak
            browser.shown(By.cssSelector("main[data-ready='true'], #no-scores"));
            assertEquals("zh-TW", browser.script("return document.documentElement.lang"));
            assertEquals("問卷", browser.shown(By.id("nav-surveys")).getText());
            assertEquals(List.of("texts-zh-TW.js"), loadedTranslations(browser), "only the reader's language");
            browser.shown(By.id("to-distribution"));
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector("[data-admin-action], "
                    + "#admin-actions, #action-pause, #action-close, #to-editor, #nav-webhooks, #nav-dead-letters")),
                    "no admin action in the DOM");

            browser.open(platform.gatewayUrl + "/console/#/");
            browser.shown(By.cssSelector("#surveys a[href='#/surveys/" + surveyId + "']"));
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector("[data-admin-action], #new-survey")));
            List<String> serious = browser.seriousAccessibilityViolations("the survey list, in Traditional Chinese");
            assertTrue(serious.isEmpty(), "axe-core on the survey list:\n" + String.join("\n", serious));
            browser.screenshot(Browser.screenshots().resolve("console-surveys-analyst-zh-TW.png"));

            browser.script("window.location.hash = '#/webhooks'");
            assertEquals("您的角色無權執行此操作。", browser.shown(By.id("error-detail")).getText());
            assertEquals(List.of(), browser.script("return window.cspViolations"), "no CSP violation");

            // Logging out ends the Keycloak session too: the console asks for the password again
            browser.click(By.id("logout"));
            browser.shown(By.id("username"));
            assertTrue(browser.driver().getCurrentUrl().startsWith(platform.keycloakUrl + "/realms/hearken/"));
        }
        // The page only hides what the gateway refuses anyway
        String analyst = KeycloakTokens.forUser(platform.keycloakUrl, "arthur");
        given().baseUri(platform.gatewayUrl).auth().oauth2(analyst)
                .when().post("/api/v1/surveys/{id}/close", surveyId).then().statusCode(403);
    }

    @Test
    void anotherTenantsAdminFindsNothingOfThisTenant() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String acmeSurvey = survey("Console acme " + suffix);
        String globexAdmin = KeycloakTokens.forUser(platform.keycloakUrl, "gina");
        String globexSurvey = platform.createSurvey(globexAdmin, SURVEY.formatted("Console globex " + suffix));
        try (Browser browser = console("en-US", null)) {
            // A deep link to another tenant's survey, as if it had been shared: nothing there, not even its name
            browser.open(platform.gatewayUrl + "/console/#/surveys/" + acmeSurvey);
            logInThroughKeycloak(browser, "gina");
            assertEquals("There is nothing here.", browser.shown(By.id("error-detail")).getText());
            for (String screen : List.of("#/surveys/" + acmeSurvey + "/topics",
                    "#/surveys/" + acmeSurvey + "/distribution", "#/surveys/" + acmeSurvey + "/edit")) {
                browser.script("window.location.hash = arguments[0]", "#/");
                browser.shown(By.id("surveys"));
                browser.script("window.location.hash = arguments[0]", screen);
                assertEquals("There is nothing here.", browser.shown(By.id("error-detail")).getText(), screen);
            }

            browser.script("window.location.hash = arguments[0]", "#/");
            browser.shown(By.cssSelector("#surveys a[href='#/surveys/" + globexSurvey + "']"));
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector(
                    "#surveys a[href='#/surveys/" + acmeSurvey + "']")), "the other tenant's survey is not listed");
            assertTrue(!browser.driver().getPageSource().contains("Console acme " + suffix), "nor named");
            assertEquals("gina · globex", browser.shown(By.id("who")).getText());
        }
    }

    @Test
    void aPartnerWhoLoggedInSeesOnlyItsOwnWebhookScreens() throws Exception {
        String partner = KeycloakTokens.forUser(platform.keycloakUrl, "petra");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // Nothing listens there: the test message's delivery is simply logged as failing
        String own = subscription(partner, "http://127.0.0.2:9/petra/" + suffix);
        String others = subscription(admin, "http://127.0.0.2:9/alice/" + suffix);
        try (Browser browser = console("en-US", null)) {
            // A deep link to a screen partners may not use survives the login and is refused plainly
            browser.open(platform.gatewayUrl + "/console/#/journey");
            logInThroughKeycloak(browser, "petra");
            assertEquals("Not available to your role", browser.shown(By.id("page-title")).getText());
            assertEquals("Your role does not allow this.", browser.shown(By.id("error-detail")).getText());
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector(".error, #retry")), "not an error");
            assertEquals(List.of("nav-webhooks", "nav-api-docs"), browser.driver().findElements(
                    By.cssSelector("#nav a")).stream().map(link -> link.getAttribute("id")).toList(),
                    "only the webhooks in the navigation");

            browser.click(By.id("to-first-screen"));
            browser.waitForText(By.id("page-title"), "Webhook subscriptions");
            browser.shown(By.cssSelector("#webhooks tr[data-subscription='" + own + "']"));
            assertEquals("The subscriptions you made", browser.shown(By.cssSelector("#webhooks caption")).getText());
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector(
                    "#webhooks tr[data-subscription='" + others + "']")), "an admin's is not the partner's");
            List<String> serious = browser.seriousAccessibilityViolations("a partner's webhooks");
            assertTrue(serious.isEmpty(), "axe-core on a partner's webhooks:\n" + String.join("\n", serious));
            browser.screenshot(Browser.screenshots().resolve("console-partner-webhooks.png"));

            // Its delivery log, with a test message sent from the page
            browser.click(By.cssSelector("#webhooks tr[data-subscription='" + own + "'] a"));
            browser.shown(By.id("messages"));
            browser.click(By.id("send-test"));
            browser.shown(By.cssSelector("#messages tbody tr [data-redeliver]"));

            // Every other screen, by its address: a clear refusal, and no call to the API behind it
            for (String screen : List.of("#/", "#/surveys/" + suffix, "#/surveys/new", "#/topics", "#/cases",
                    "#/cases/" + suffix, "#/customers/" + suffix, "#/dead-letters")) {
                browser.script("window.location.hash = arguments[0]", screen);
                browser.waitForText(By.id("page-title"), screen.equals("#/") ? "Webhook subscriptions"
                        : "Not available to your role");
            }
            @SuppressWarnings("unchecked")
            List<String> called = (List<String>) browser.script("return performance.getEntriesByType('resource')"
                    + ".map(e => new URL(e.name).pathname).filter(p => p.startsWith('/api/'))");
            assertTrue(called.stream().allMatch(path -> path.startsWith("/api/v1/webhooks/")), called.toString());
            assertEquals(List.of(), browser.script("return window.cspViolations"), "no CSP violation");
        }
        // What the page leaves out, the gateway refuses
        given().baseUri(platform.gatewayUrl).auth().oauth2(partner).when().get("/api/v1/surveys")
                .then().statusCode(403);
        given().baseUri(platform.gatewayUrl).auth().oauth2(partner).when().get("/api/v1/cases")
                .then().statusCode(403);
    }

    @Test
    void theSessionOutlivesItsAccessTokenAndAnEndedOneComesBackToTheSameScreen() throws Exception {
        String name = "Console session " + UUID.randomUUID().toString().substring(0, 8);
        String surveyId = survey(name);
        // Short-lived access tokens for the console's client, for this test only, through Keycloak's admin API
        String master = KeycloakTokens.fromMasterRealm(platform.keycloakUrl);
        String clients = platform.keycloakUrl + "/admin/realms/hearken/clients";
        Map<String, Object> client = given().auth().oauth2(master).queryParam("clientId", "hearken-web")
                .when().get(clients).then().statusCode(200).extract().path("[0]");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        Object lifespan = attributes.get(LIFESPAN);
        attributes.put(LIFESPAN, String.valueOf(SHORT_TOKEN.toSeconds()));
        given().auth().oauth2(master).contentType(ContentType.JSON).body(client)
                .when().put(clients + "/" + client.get("id")).then().statusCode(204);
        try (Browser browser = console("en-US", null)) {
            browser.open(platform.gatewayUrl + "/console/#/");
            logInThroughKeycloak(browser, "arthur");
            browser.shown(By.cssSelector("#surveys a[href='#/surveys/" + surveyId + "']"));

            // Past the access token's life, a screen that calls the API still works: the token was refreshed
            Thread.sleep(SHORT_TOKEN.plusSeconds(2).toMillis());
            browser.script("window.location.hash = arguments[0]", "#/surveys/" + surveyId);
            browser.waitForText(By.id("page-title"), name);
            browser.shown(By.cssSelector("main[data-ready='true'], #no-scores"));
            assertTrue(browser.driver().getCurrentUrl().startsWith(platform.gatewayUrl + "/console/"),
                    "no new login: " + browser.driver().getCurrentUrl());
            Number tokenRequests = (Number) browser.script("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.endsWith('/protocol/openid-connect/token')).length");
            assertTrue(tokenRequests.intValue() >= 2, "the code's exchange, then a refresh: " + tokenRequests);

            // The Keycloak session ends (an administrator signs the person out): the refresh fails, and the console
            // goes to Keycloak's login and comes back to the screen the person was opening
            String user = given().auth().oauth2(master).queryParam("username", "arthur").queryParam("exact", true)
                    .when().get(platform.keycloakUrl + "/admin/realms/hearken/users").then().statusCode(200)
                    .extract().path("[0].id");
            given().auth().oauth2(master).when().post(platform.keycloakUrl + "/admin/realms/hearken/users/{id}/logout",
                    user).then().statusCode(204);
            Thread.sleep(SHORT_TOKEN.plusSeconds(2).toMillis());
            browser.script("window.location.hash = arguments[0]", "#/surveys/" + surveyId + "/distribution");
            logInThroughKeycloak(browser, "arthur");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/console/#/surveys/" + surveyId + "/distribution"),
                    browser.driver().getCurrentUrl());
            browser.shown(By.id("rates-title"));
            assertEquals(List.of(), browser.script("return window.cspViolations"), "no CSP violation");
        } finally {
            attributes.put(LIFESPAN, lifespan == null ? "" : lifespan);
            given().auth().oauth2(KeycloakTokens.fromMasterRealm(platform.keycloakUrl)).contentType(ContentType.JSON)
                    .body(client).when().put(clients + "/" + client.get("id")).then().statusCode(204);
        }
    }

    /** A desktop browser that records CSP violations; downloads go to {@code downloads} when given. */
    static Browser console(String language, Path downloads) {
        Browser browser = new Browser(language, WIDTH, HEIGHT, false);
        browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_RECORDER));
        if (downloads != null) {
            browser.cdp("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                    downloads.toString()));
        }
        return browser;
    }

    /** Types the demo user's name and password into Keycloak's own login form, as a person would. */
    static void logInThroughKeycloak(Browser browser, String username) {
        Platform running = Platform.get(); // whichever test class logs in
        WebElement user = browser.shown(By.id("username"));
        assertTrue(browser.driver().getCurrentUrl().startsWith(running.keycloakUrl + "/realms/hearken/"),
                "Keycloak's login page: " + browser.driver().getCurrentUrl());
        assertTrue(browser.driver().getCurrentUrl().contains("code_challenge_method=S256"), "PKCE");
        user.sendKeys(username);
        browser.shown(By.id("password")).sendKeys(KeycloakTokens.DEMO_PASSWORD);
        browser.click(By.id("kc-login"));
        browser.shown(By.id("logout"));
        assertTrue(browser.driver().getCurrentUrl().startsWith(running.gatewayUrl + "/console/"),
                browser.driver().getCurrentUrl());
        assertTrue(!browser.driver().getCurrentUrl().contains("code="), "the code leaves the address bar");
    }

    /**
     * What the console cost a first visit in the browser (Resource Timing), written to {@code
     * target/console-page-metrics.json}: bytes of its own files and of the charting library as transferred (gzip) and
     * unpacked.
     */
    private static void recordPageMetrics(Browser browser) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> sizes = (Map<String, Object>) browser.script("""
                const nav = performance.getEntriesByType('navigation')[0];
                const files = performance.getEntriesByType('resource')
                  .filter(e => e.name.includes('/console/') || e.name.includes('/respond/assets/'));
                const sum = (list, key) => list.reduce((total, e) => total + e[key], 0);
                const own = files.filter(e => !e.name.includes('/console/lib/'));
                const library = files.filter(e => e.name.includes('/console/lib/'));
                return {
                  htmlEncodedBytes: nav.encodedBodySize, htmlDecodedBytes: nav.decodedBodySize,
                  ownFilesEncodedBytes: sum(own, 'encodedBodySize'), ownFilesDecodedBytes: sum(own, 'decodedBodySize'),
                  libraryEncodedBytes: sum(library, 'encodedBodySize'),
                  libraryDecodedBytes: sum(library, 'decodedBodySize'),
                  domInteractiveMs: nav.domInteractive,
                  files: files.map(e => e.name.split('/').pop() + ' ' + e.encodedBodySize + '/' + e.decodedBodySize)
                };
                """);
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(sizes);
        System.out.println("Console, first load of a dashboard: " + json);
        Path file = Path.of("target/console-page-metrics.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        long own = ((Number) sizes.get("ownFilesEncodedBytes")).longValue();
        assertTrue(own > 0 && own < 48 * 1024, "the console's own files stay small: " + own + " bytes");
        assertEquals(List.of(), loadedTranslations(browser), "an English reader loads no other language's texts");
    }


    /** The translations of the console's texts the page has loaded (texts-ja.js...), by file name. */
    @SuppressWarnings("unchecked")
    private static List<String> loadedTranslations(Browser browser) {
        return (List<String>) browser.script("return performance.getEntriesByType('resource')"
                + ".map(e => new URL(e.name).pathname.split('/').pop()).filter(n => n.startsWith('texts-'))");
    }

    private static String subscription(String token, String url) {
        return given().baseUri(platform.gatewayUrl).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("response.completed"), "description", "console"))
                .when().post("/api/v1/webhooks/subscriptions")
                .then().statusCode(201).extract().path("id");
    }

    private static String survey(String name) {
        return platform.createSurvey(admin, SURVEY.formatted(name));
    }
}
