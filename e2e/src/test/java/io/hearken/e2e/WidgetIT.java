package io.hearken.e2e;

import com.sun.net.httpserver.HttpServer;
import io.hearken.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embeddable widget in a real browser, on a customer's page of another origin (a small site this test serves on
 * 127.0.0.1, while the gateway is reached as localhost): one script tag shows the survey in a panel once its trigger
 * fires (page view, delay, exit intent, or the delay instead on a touch screen), styled the same whatever the page's
 * own styles and leaving them alone (shadow DOM); the respondent answers with the survey's branching in the page's
 * language and the response is stored once, as the widget channel's; the fatigue rules keep the panel away for the
 * recontact days after an answer, for the dismiss days after a dismissal, and after the first survey of a visit; a
 * site the survey does not list gets no widget and no error; the panel passes axe-core's WCAG rules.
 *
 * <p>Each rule that keeps the panel away is checked in a later visit (a new tab: the site's localStorage stays, the
 * visit's sessionStorage does not), against a control in that same visit that does show the panel, so that neither
 * the visit's mark nor a widget that shows nothing at all can pass for the rule.
 */
class WidgetIT {

    /**
     * The delay the delay tests watch: long enough that a page slow to load on a busy test machine (seconds, at
     * times) still leaves a second or more of it to watch.
     */
    private static final Duration WATCHED_DELAY = Duration.ofSeconds(6);

    private static final String SURVEY = """
            {"name": "Widget NPS", "publish": true, "defaultLanguage": "en", "languages": ["en", "ja"],
             "title": {"en": "Quick question", "ja": "ひとつだけ質問です"},
             "settings": {"allowedOrigins": ["%s"]},
             "pages": [{"id": "only", "questions": [
               {"id": "nps", "type": "NPS", "required": true,
                "text": {"en": "How likely are you to recommend our shop?",
                         "ja": "当店を友人に薦める可能性はどのくらいですか?"}},
               {"id": "why", "type": "TEXT", "required": true,
                "showIf": {"question": "nps", "operator": "AT_MOST", "value": 6},
                "text": {"en": "What went wrong?", "ja": "何が問題でしたか?"}}]}],
             "endings": [{"id": "all", "text": {"en": "Thanks!", "ja": "ご協力ありがとうございました。"}}]}
            """;
    /** A host page whose styles would repaint anything they reach: maroon serif text, yellow buttons (readable,
     * so that axe-core judges the widget, not the page). Its widget tags go at the end of the body. */
    private static final String HOST_PAGE = """
            <!doctype html>
            <html lang="%s"><head><meta charset="utf-8"><title>Shop</title>
            <style>* { color: rgb(128, 0, 0) !important; font-family: serif !important; }
            button { background: yellow !important; }</style></head>
            <body><h1 id="shop">Welcome to the shop</h1><button id="buy">Buy</button>
            %s</body></html>
            """;
    private static final String WIDGET_TAG = """
            <script src="%s/respond/assets/widget.js" data-survey="%s" %s async></script>
            """;
    private static final String PANEL_HOST = "[data-hearken-widget]";
    /** How long a test watches for a panel that must not come; the triggers it waits out fire within a second. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private static Platform platform;
    private static String admin;
    private static HttpServer site;
    private static String siteOrigin;
    /** The host pages the site serves, by path. */
    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        Browser.requireInstalled();
        platform = Platform.get();
        admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            String page = PAGES.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not here" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        site.start();
        siteOrigin = "http://127.0.0.1:" + site.getAddress().getPort();
        assertNotEquals(siteOrigin, platform.gatewayUrl, "the site is another origin than the gateway");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void aVisitorAnswersInThePanelOnAnotherSiteAndIsNotAskedAgainForTheRecontactDays() throws Exception {
        String surveyId = survey(siteOrigin);
        String page = hostPage("/shop-" + surveyId + ".html", "ja",
                widgetTag(surveyId, "data-trigger=\"delay\" data-delay-seconds=\"1\""));
        try (Browser browser = new Browser("ja")) {
            browser.open(page);
            SearchContext panel = panel(browser);
            assertEquals("ひとつだけ質問です", panel.findElement(By.cssSelector("#hw-title")).getText(),
                    "the panel speaks the page's language");
            WebElement close = panel.findElement(By.cssSelector("button.close"));
            assertEquals("閉じる", close.getAttribute("aria-label"));
            // The page's styles stop at the shadow root, and the widget's do not reach the page.
            WebElement title = panel.findElement(By.cssSelector("#hw-title"));
            assertEquals("rgb(27, 27, 31)", browser.script("return getComputedStyle(arguments[0]).color", title),
                    "not even what the page's rules set on the widget's own element is inherited");
            assertTrue(!((String) browser.script("return getComputedStyle(arguments[0]).fontFamily", title))
                    .startsWith("serif"));
            assertNotEquals("rgb(128, 0, 0)", browser.script(
                    "return getComputedStyle(arguments[0]).color", close));
            assertNotEquals("rgba(255, 255, 0, 1)", browser.script(
                    "return getComputedStyle(arguments[0]).backgroundColor", close));
            assertEquals("rgb(128, 0, 0)", browser.script(
                    "return getComputedStyle(document.getElementById('shop')).color"));
            assertEquals("rgb(255, 255, 0)", browser.script(
                    "return getComputedStyle(document.getElementById('buy')).backgroundColor"));

            WebElement why = panel.findElement(By.cssSelector("#q-why"));
            assertTrue(!why.isDisplayed(), "the follow-up is for detractors only");
            panel.findElement(By.cssSelector("label[for='q-nps-3']")).click();
            await().atMost(Duration.ofSeconds(5)).until(why::isDisplayed);
            panel.findElement(By.cssSelector("#hw-next")).click();
            await().atMost(Duration.ofSeconds(5)).until(() -> panel.findElement(By.cssSelector("#q-why-error"))
                    .isDisplayed());
            assertEquals("この質問にお答えください。", panel.findElement(By.cssSelector("#q-why-error")).getText());
            panel.findElement(By.cssSelector("#q-why-input")).sendKeys("配送が遅すぎました");
            assertTrue(!((String) browser.script("return arguments[0].textContent", why)).contains("null"),
                    "a text question without a length limit shows no counter (and no stray 'null')");
            List<String> serious = browser.seriousAccessibilityViolations("the widget's panel on a host page");
            assertTrue(serious.isEmpty(), "axe-core on the widget:\n" + String.join("\n", serious));
            browser.viewportScreenshot(Browser.screenshots().resolve("widget-ja.png"));
            // Pressed twice: the second press finds the button disabled or the closing shown; one response either way.
            WebElement submit = panel.findElement(By.cssSelector("#hw-next"));
            submit.click();
            browser.script("arguments[0].click()", submit);
            await().atMost(Duration.ofSeconds(20)).until(() -> !panel.findElements(By.cssSelector(".closing-text"))
                    .isEmpty());
            assertEquals("ご協力ありがとうございました。", panel.findElement(By.cssSelector(".closing-text")).getText());

            Response stored = storedResponses(surveyId, 1);
            assertEquals("widget", stored.path("items[0].channel"));
            assertEquals("ja", stored.path("items[0].language"));
            assertEquals(Integer.valueOf(3), stored.path("items[0].answers.find { it.questionId == 'nps' }.score"));
            assertEquals("配送が遅すぎました", stored.path("items[0].answers.find { it.questionId == 'why' }.text"));
            assertEquals(siteOrigin + "/shop-" + surveyId + ".html", stored.path("items[0].context.page"));

            Duration answered = memoryAge(browser, surveyId, "answeredAt");
            assertTrue(answered.compareTo(Duration.ofMinutes(2)) < 0, "the site remembers the answer: " + answered);

            // Answered: the next visit is not asked again...
            startNewVisit(browser);
            browser.open(page);
            assertNoPanelDuring(browser, QUIET);
            // ...until the recontact days (90 unless the tag says otherwise) are over. Only the answer's age differs
            // from the page just shown without a panel: the same visit, the same tag.
            setMemoryAge(browser, surveyId, "answeredAt", Duration.ofDays(91));
            browser.open(page);
            panel(browser);
        }
        assertEquals(1, storedResponses(surveyId, 1).jsonPath().getList("items").size(), "stored once");
    }

    @Test
    void aDismissedPanelStaysAwayForTheDismissDaysAndAKeyboardUserCanDismissIt() {
        String surveyId = survey(siteOrigin);
        String page = hostPage("/dismiss-" + surveyId + ".html", "en",
                widgetTag(surveyId, "data-trigger=\"page-view\" data-dismiss-days=\"2\""));
        try (Browser browser = new Browser("en-US")) {
            browser.open(page);
            SearchContext panel = panel(browser);
            assertEquals("Quick question", panel.findElement(By.cssSelector("#hw-title")).getText());
            panel.findElement(By.cssSelector("label[for='q-nps-9']")).click();
            browser.press(Keys.ESCAPE);
            await().atMost(Duration.ofSeconds(5)).until(() -> panelHosts(browser).isEmpty());
            Duration dismissed = memoryAge(browser, surveyId, "dismissedAt");
            assertTrue(dismissed.compareTo(Duration.ofMinutes(2)) < 0, "the site remembers the dismissal");

            // The rule is the site's memory, not the visit's: the next visit respects it...
            startNewVisit(browser);
            browser.open(page);
            assertNoPanelDuring(browser, QUIET);
            // ...until the tag's two dismiss days are over (three days on, where the default 14 would still hold).
            setMemoryAge(browser, surveyId, "dismissedAt", Duration.ofDays(3));
            browser.open(page);
            panel(browser);
        }
    }

    @Test
    void theDelayTriggerShowsThePanelOnlyOnceItsSecondsHavePassed() {
        String surveyId = survey(siteOrigin);
        Duration delay = WATCHED_DELAY;
        String page = hostPage("/delay-" + surveyId + ".html", "en",
                widgetTag(surveyId, "data-trigger=\"delay\" data-delay-seconds=\"" + delay.toSeconds() + "\""));
        try (Browser browser = new Browser("en-US")) {
            browser.open(page);
            assertNoPanelBefore(browser, delay);
            panel(browser);
        }
    }

    @Test
    void anExitIntentPanelWaitsForThePointerToLeaveThroughTheTopOfTheWindow() {
        String surveyId = survey(siteOrigin);
        // A one-second delay: were this browser taken for a touch screen, the panel would come within the wait.
        String page = hostPage("/exit-" + surveyId + ".html", "en",
                widgetTag(surveyId, "data-trigger=\"exit-intent\" data-delay-seconds=\"1\""));
        try (Browser browser = Browser.desktopWithMouse("en-US")) {
            browser.open(page);
            assertEquals(Boolean.TRUE, browser.script("return matchMedia('(hover: hover)').matches"),
                    "a browser with a mouse");
            assertNoPanelDuring(browser, QUIET);
            // Leaving through the bottom of the window, or moving onto another element at its top edge, is not
            // someone about to go.
            movePointerOut(browser, "window.innerHeight", false);
            movePointerOut(browser, "0", true);
            assertNoPanelDuring(browser, QUIET);
            movePointerOut(browser, "0", false);
            panel(browser);
        }
    }

    @Test
    void onATouchScreenAnExitIntentPanelComesAfterTheDelayInstead() {
        String surveyId = survey(siteOrigin);
        Duration delay = WATCHED_DELAY;
        String page = hostPage("/exit-touch-" + surveyId + ".html", "en",
                widgetTag(surveyId, "data-trigger=\"exit-intent\" data-delay-seconds=\"" + delay.toSeconds()
                        + "\""));
        try (Browser browser = new Browser("en-US")) {
            // Headless Chromium has no pointer at all ((hover: none), (pointer: none)); a phone's touch screen
            // says the same of hovering, and this test does not lean on what headless happens to say.
            browser.cdp("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
            browser.open(page);
            assertEquals(Boolean.TRUE, browser.script(
                    "return matchMedia('(hover: none)').matches && matchMedia('(pointer: coarse)').matches"),
                    "a touch screen");
            assertNoPanelBefore(browser, delay);
            panel(browser);
        }
    }

    @Test
    void aVisitIsAskedOneSurveyWhicheverPagesItSees() {
        String first = survey(siteOrigin);
        String second = survey(siteOrigin);
        String firstPage = hostPage("/visit-first-" + first + ".html", "en",
                widgetTag(first, "data-trigger=\"page-view\""));
        String secondPage = hostPage("/visit-second-" + second + ".html", "en",
                widgetTag(second, "data-trigger=\"page-view\""));
        try (Browser browser = new Browser("en-US")) {
            browser.open(firstPage);
            panel(browser);
            browser.open(secondPage);
            assertNoPanelDuring(browser, QUIET);
            // Only the visit kept the second survey away: the next visit is asked it.
            startNewVisit(browser);
            browser.open(secondPage);
            panel(browser);
            assertEquals(second, panelHosts(browser).get(0).getAttribute("data-hearken-widget"));
        }
    }

    @Test
    void twoSurveysTaggedOnOnePageShowOnePanel() {
        String first = survey(siteOrigin);
        String second = survey(siteOrigin);
        String page = hostPage("/two-tags-" + first + ".html", "en",
                widgetTag(first, "data-trigger=\"page-view\""), widgetTag(second, "data-trigger=\"page-view\""));
        try (Browser browser = new Browser("en-US")) {
            browser.open(page);
            panel(browser);
            await().during(QUIET).atMost(QUIET.plusSeconds(2)).untilAsserted(() ->
                    assertEquals(1, panelHosts(browser).size(), "panels on the page"));
        }
    }

    @Test
    void aSiteTheSurveyDoesNotListGetsNoWidgetAndNoError() {
        String surveyId = survey("https://another-shop.example.com");
        String page = hostPage("/unlisted-" + surveyId + ".html", "en",
                widgetTag(surveyId, "data-trigger=\"page-view\""));
        try (Browser browser = new Browser("en-US")) {
            browser.open(page);
            assertNoPanelDuring(browser, QUIET);
            assertEquals("Welcome to the shop", browser.shown(By.id("shop")).getText(), "the page is untouched");
        }
    }

    private static String survey(String allowedOrigin) {
        return given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY.formatted(allowedOrigin)).when().post("/api/v1/surveys")
                .then().statusCode(201).extract().path("id");
    }

    /** The widget's script tag for the survey, with the trigger and fatigue settings given as data attributes. */
    private static String widgetTag(String surveyId, String settings) {
        return WIDGET_TAG.formatted(platform.gatewayUrl, surveyId, settings);
    }

    private static String hostPage(String path, String language, String... widgetTags) {
        PAGES.put(path, HOST_PAGE.formatted(language, String.join("", widgetTags)));
        return siteOrigin + path;
    }

    /**
     * A later visit to the site by the same visitor: a new tab of the same browser profile, so the site's
     * localStorage (the widget's memory of each survey) is kept and its sessionStorage (the visit's mark) starts
     * empty. The old tab is closed, so that nothing it still runs reaches the test.
     */
    private static void startNewVisit(Browser browser) {
        WebDriver driver = browser.driver();
        String previous = driver.getWindowHandle();
        String next = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        driver.switchTo().window(previous).close();
        driver.switchTo().window(next);
    }

    /** How long ago {@code event} (answeredAt, dismissedAt) of the survey happened, as the open site remembers it. */
    private static Duration memoryAge(Browser browser, String surveyId, String event) {
        Number age = (Number) browser.script("""
                const memory = JSON.parse(localStorage.getItem('hearken.widget.' + arguments[0]) || '{}');
                return memory[arguments[1]] ? Date.now() - memory[arguments[1]] : null;
                """, surveyId, event);
        assertNotNull(age, "the widget remembers " + event + " of survey " + surveyId);
        return Duration.ofMillis(age.longValue());
    }

    /** Moves the widget's memory of {@code event} back in time, as though {@code age} had passed since. */
    private static void setMemoryAge(Browser browser, String surveyId, String event, Duration age) {
        browser.script("""
                const name = 'hearken.widget.' + arguments[0];
                const memory = JSON.parse(localStorage.getItem(name));
                memory[arguments[1]] = Date.now() - arguments[2];
                localStorage.setItem(name, JSON.stringify(memory));
                """, surveyId, event, age.toMillis());
    }

    /**
     * A {@code mouseout} as the browser sends it when the pointer leaves the body at height {@code clientY} (a
     * script expression), for the window (no related target) or for another element of the page.
     */
    private static void movePointerOut(Browser browser, String clientY, boolean ontoAnotherElement) {
        browser.script("document.body.dispatchEvent(new MouseEvent('mouseout', {bubbles: true, clientX: 200, "
                + "clientY: " + clientY + ", relatedTarget: arguments[0] ? document.getElementById('shop') : null}))",
                ontoAnotherElement);
    }

    /** The panel's shadow root, once the widget has shown it. */
    private static SearchContext panel(Browser browser) {
        WebElement host = browser.shown(By.cssSelector(PANEL_HOST));
        SearchContext root = host.getShadowRoot();
        await().atMost(Duration.ofSeconds(10)).until(() -> !root.findElements(By.cssSelector("#hw-next")).isEmpty());
        return root;
    }

    private static List<WebElement> panelHosts(Browser browser) {
        return browser.driver().findElements(By.cssSelector(PANEL_HOST));
    }

    /** No panel at any moment of {@code wait}, not just at its end. */
    private static void assertNoPanelDuring(Browser browser, Duration wait) {
        await("no widget on the page").during(wait).atMost(wait.plusSeconds(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> panelHosts(browser).isEmpty());
    }

    /**
     * No panel until shortly before {@code delay} has passed since the page began to load, which is the earliest
     * its timer can have started: a trigger that ignored the delay is caught however slowly the page loaded.
     */
    private static void assertNoPanelBefore(Browser browser, Duration delay) {
        Duration loaded = Duration.ofMillis(((Number) browser.script("return Math.ceil(performance.now())"))
                .longValue());
        Duration untilShortlyBefore = delay.minus(loaded).minusMillis(500);
        assertTrue(untilShortlyBefore.compareTo(Duration.ofSeconds(1)) >= 0,
                "the page took " + loaded.toMillis() + " ms to load: too long to watch the delay");
        assertNoPanelDuring(browser, untilShortlyBefore);
    }

    /** The survey's stored responses, once the projection has {@code count} complete ones. */
    private static Response storedResponses(String surveyId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(platform.gatewayUrl)
                .auth().oauth2(admin).when().get("/api/v1/surveys/{id}/responses", surveyId), answer ->
                answer.statusCode() == 200
                        && answer.jsonPath().getList("items.findAll { it.completed }").size() == count);
    }
}
