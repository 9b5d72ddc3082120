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
import org.openqa.selenium.WebElement;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embeddable widget in a real browser, on a customer's page of another origin (a small site this test serves on
 * 127.0.0.1, while the gateway is reached as localhost): one script tag shows the survey in a panel once its trigger
 * fires, styled the same whatever the page's own styles and leaving them alone (shadow DOM); the respondent answers
 * with the survey's branching in the page's language and the response is stored once, as the widget channel's; the
 * fatigue rules keep the panel away after an answer and after a dismissal; a site the survey does not list gets no
 * widget and no error; the panel passes axe-core's WCAG rules.
 */
class WidgetIT {

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
     * so that axe-core judges the widget, not the page). */
    private static final String HOST_PAGE = """
            <!doctype html>
            <html lang="%s"><head><meta charset="utf-8"><title>Shop</title>
            <style>* { color: rgb(128, 0, 0) !important; font-family: serif !important; }
            button { background: yellow !important; }</style></head>
            <body><h1 id="shop">Welcome to the shop</h1><button id="buy">Buy</button>
            <script src="%s/respond/assets/widget.js" data-survey="%s" data-trigger="%s" data-delay-seconds="1"
             async></script></body></html>
            """;

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
    void aVisitorAnswersInThePanelOnAnotherSiteAndIsNotAskedAgain() throws Exception {
        String surveyId = survey(siteOrigin);
        String page = hostPage("/shop-" + surveyId + ".html", "ja", surveyId, "delay");
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

            // Answered: the same site does not ask again, on this visit or the next.
            browser.open(page);
            assertNoPanelWithin(browser, Duration.ofSeconds(4));
        }
        assertEquals(1, storedResponses(surveyId, 1).jsonPath().getList("items").size(), "stored once");
    }

    @Test
    void aDismissedPanelStaysAwayAndAKeyboardUserCanDismissIt() throws Exception {
        String surveyId = survey(siteOrigin);
        String page = hostPage("/dismiss-" + surveyId + ".html", "en", surveyId, "page-view");
        try (Browser browser = new Browser("en-US")) {
            browser.open(page);
            SearchContext panel = panel(browser);
            assertEquals("Quick question", panel.findElement(By.cssSelector("#hw-title")).getText());
            panel.findElement(By.cssSelector("label[for='q-nps-9']")).click();
            browser.press(Keys.ESCAPE);
            await().atMost(Duration.ofSeconds(5)).until(() -> browser.driver()
                    .findElements(By.cssSelector("[data-hearken-widget]")).isEmpty());
            browser.open(page);
            assertNoPanelWithin(browser, Duration.ofSeconds(4));
            // The rule is the site's memory, not the visit's: a new visit (session) still respects it.
            browser.script("sessionStorage.clear()");
            browser.open(page);
            assertNoPanelWithin(browser, Duration.ofSeconds(3));
        }
    }

    @Test
    void aSiteTheSurveyDoesNotListGetsNoWidgetAndNoError() throws Exception {
        String surveyId = survey("https://another-shop.example.com");
        String page = hostPage("/unlisted-" + surveyId + ".html", "en", surveyId, "page-view");
        try (Browser browser = new Browser("en-US")) {
            browser.open(page);
            assertNoPanelWithin(browser, Duration.ofSeconds(4));
            assertEquals("Welcome to the shop", browser.shown(By.id("shop")).getText(), "the page is untouched");
        }
    }

    private static String survey(String allowedOrigin) {
        return given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY.formatted(allowedOrigin)).when().post("/api/v1/surveys")
                .then().statusCode(201).extract().path("id");
    }

    private static String hostPage(String path, String language, String surveyId, String trigger) {
        PAGES.put(path, HOST_PAGE.formatted(language, platform.gatewayUrl, surveyId, trigger));
        return siteOrigin + path;
    }

    /** The panel's shadow root, once the widget has shown it. */
    private static SearchContext panel(Browser browser) {
        WebElement host = browser.shown(By.cssSelector("[data-hearken-widget]"));
        SearchContext root = host.getShadowRoot();
        await().atMost(Duration.ofSeconds(10)).until(() -> !root.findElements(By.cssSelector("#hw-next")).isEmpty());
        return root;
    }

    private static void assertNoPanelWithin(Browser browser, Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        assertTrue(browser.driver().findElements(By.cssSelector("[data-hearken-widget]")).isEmpty(),
                "no widget on the page");
    }

    /** The survey's stored responses, once the projection has {@code count} complete ones. */
    private static Response storedResponses(String surveyId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(platform.gatewayUrl)
                .auth().oauth2(admin).when().get("/api/v1/surveys/{id}/responses", surveyId), answer ->
                answer.statusCode() == 200
                        && answer.jsonPath().getList("items.findAll { it.completed }").size() == count);
    }
}
