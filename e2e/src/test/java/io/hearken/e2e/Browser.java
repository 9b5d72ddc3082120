package io.hearken.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.testing.TestInfrastructure;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through its own chromedriver (Selenium), for tests of the pages the gateway
 * serves. Both come from the machine ({@code infra/scripts/test-tools.sh} installs them under {@code ./hearken test}):
 * the driver's path is given to Selenium, so Selenium Manager never runs and nothing is downloaded. Without them
 * the test is skipped, or fails under {@code ./hearken test} ({@code HEARKEN_REQUIRE_TEST_TOOLS=1}).
 *
 * <p>The accessibility engine is axe-core from npm, locked in {@code e2e/src/test/node}, injected into the page.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("HEARKEN_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("HEARKEN_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    static final Path AXE = Path.of("src/test/node/node_modules/axe-core/axe.min.js").toAbsolutePath();
    /** A phone's viewport: the respondent page is mobile first. */
    private static final int WIDTH = 412;
    private static final int HEIGHT = 915;

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final int width;

    /** A new browser with an empty profile whose Accept-Language is {@code language}, on a phone's screen. */
    Browser(String language) {
        this(language, WIDTH, HEIGHT, true);
    }

    /** The same on a screen of the given size; a desktop's for the console a CX team works in. */
    Browser(String language, int width, int height, boolean mobile) {
        this(language, width, height, mobile, List.of());
    }

    /**
     * A desktop visitor's browser, with a mouse. Headless Chromium has no pointing device: its pages match
     * {@code (hover: none)} and {@code (pointer: none)}, as a phone's match the first, so a page that waits for a
     * gesture only a mouse makes (the widget's exit intent) would take it for a touch screen. These Blink settings
     * give it a fine pointer that hovers (Blink's HoverType kHover is 2, PointerType kFine is 4).
     */
    static Browser desktopWithMouse(String language) {
        return new Browser(language, 1280, 800, false, List.of("--blink-settings=primaryHoverType=2,"
                + "availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4"));
    }

    private Browser(String language, int width, int height, boolean mobile, List<String> moreArguments) {
        this.width = width;
        requireInstalled();
        // Selenium Manager would look for (and download) a driver when none is named; this one is named.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--lang=" + language);
        options.addArguments(moreArguments);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        // The window's size is not the page's: emulate a phone's viewport exactly, as the screenshots show it.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM.toString());
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER.toString());
        }
        if (!Files.isRegularFile(AXE)) {
            missing.add(AXE + " (cd e2e/src/test/node && npm ci)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String how = "the browser tests need " + missing + "; ./hearken test installs them "
                + "(infra/scripts/test-tools.sh: apt-get install chromium chromium-driver fonts-noto-cjk, npm ci)";
        if ("1".equals(System.getenv("HEARKEN_REQUIRE_TEST_TOOLS"))) {
            Assertions.fail(how);
        }
        Assumptions.abort(how);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** The element once it is displayed. */
    WebElement shown(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The element once its text contains {@code text}. */
    WebElement waitForText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    void waitUntilHidden(By locator) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /** Keys as a keyboard-only user presses them, sent to whatever has the focus. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void tab() {
        press(Keys.TAB);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** A Chrome DevTools Protocol command, for what WebDriver has no word for (downloads, a script on every load). */
    Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** The page's whole length as a PNG, at the screen's width. */
    void screenshot(Path file) throws IOException {
        Number height = (Number) script("return Math.ceil(document.documentElement.scrollHeight)");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width,
                        "height", Math.max(height.intValue(), 200), "scale", 1)));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** What the phone's screen shows now, fixed elements (a widget's panel) where the visitor sees them. */
    void viewportScreenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Where the README's screenshots live. */
    static Path screenshots() {
        return TestInfrastructure.repositoryRoot().resolve("docs/screenshots");
    }

    /**
     * An empty folder {@code target/<name>} for a test's downloads: a file an earlier run left there would otherwise
     * be read as this run's (it was, once, after a failed run).
     */
    static Path emptyDownloadFolder(String name) throws IOException {
        Path folder = Path.of("target", name).toAbsolutePath();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        return Files.createDirectories(folder);
    }

    /** The file ending in {@code suffix} the browser has saved in {@code folder} (a partial one ends otherwise). */
    static Optional<Path> downloaded(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(suffix)).findFirst();
        }
    }

    /**
     * axe-core's WCAG 2.0–2.2 A and AA rules on the page as it is now: the violations of serious or critical
     * impact (each as "rule: what, where"), after printing every violation found.
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations(String screen) throws IOException {
        script(Files.readString(AXE));
        String found = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                    'wcag22aa', 'best-practice']}})
                  .then(result => done(JSON.stringify({passed: result.passes.length,
                    violations: result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' '))}))})))
                  .catch(error => done(JSON.stringify({passed: 0, violations: [{id: 'axe-failed',
                    impact: 'critical', help: String(error), nodes: []}]})));
                """);
        Map<String, Object> result = new ObjectMapper().readValue(found, Map.class);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
        System.out.println("axe on " + screen + ": " + result.get("passed") + " rules passed, " + violations.size()
                + " violated");
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : violations) {
            String line = violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help")
                    + " at " + violation.get("nodes");
            System.out.println("axe on " + screen + ": " + line);
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                serious.add(line);
            }
        }
        return serious;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
