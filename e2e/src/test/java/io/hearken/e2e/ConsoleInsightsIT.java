package io.hearken.e2e;

import com.sun.net.httpserver.HttpServer;
import io.hearken.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's insight screens and its webhook and dead-letter screens in a real browser, on data that went through
 * the platform: respondents answer one survey on the public API at two journey stages and touchpoints, from two
 * channels, in English and Japanese; an analyst who logged in through Keycloak's form finds the breakdowns by
 * touchpoint, stage and channel equal to the figures computed here from what was sent, the weakest stage named on
 * the journey map, the topics with their evidence phrases and the detractor drivers with the test's figures, and no
 * admin action anywhere. An admin opens a webhook subscription's delivery log, finds the delivery its receiver (run
 * here) got, redelivers it and sees the second attempt; then finds a dead letter (an event no consumer can read,
 * written here onto the responses topic) and redrives it. axe-core finds no serious violation on any of them.
 */
class ConsoleInsightsIT {

    private static final String SURVEY = """
            {"name": "%s", "publish": true, "title": {"en": "How was it?"}, "defaultLanguage": "en",
             "languages": ["en", "ja"],
             "questions": [
               {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend us?", "ja": "おすすめしますか?"}},
               {"id": "why", "type": "TEXT", "text": {"en": "Why?", "ja": "理由は?"}}]}
            """;
    private static final double Z_95 = 1.959964;
    private static final String LATE_EN = "The delivery was very late and nobody called.";
    private static final String LATE_JA = "配送がとても遅かったです。";
    private static final String KIND_EN = "Great staff, very helpful.";
    private static final String KIND_JA = "スタッフがとても親切でした。";

    private static Platform platform;
    private static String admin;
    private static HttpServer receiver;
    private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    /** One answer as sent: where, from which channel, in which language, its NPS and its text. */
    record Sent(String stage, String touchpoint, String channel, String language, int nps, String text) {
    }

    @BeforeAll
    static void start() throws Exception {
        Browser.requireInstalled();
        platform = Platform.get();
        admin = KeycloakTokens.forUser(platform.keycloakUrl, "alice");
        // 127.0.0.2: the one loopback address the platform is allowed to deliver to (HEARKEN_WEBHOOK_ALLOWED_NETWORKS)
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 16);
        receiver.createContext("/console-hooks", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                received.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "body", new String(body.readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @Test
    void anAnalystReadsBreakdownsTheJourneyAndTopicsOfWhatWasSentAndNoAdminAction() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String helpdesk = "helpdesk-" + run;
        String checkout = "checkout-" + run;
        String surveyId = survey("Console insights " + run);
        // 30 detractors at the support stage (enough answers to be judged, and an NPS of −100: the weakest stage),
        // all writing about a late delivery; 12 at purchase, none a detractor, praising the staff.
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean japanese = i % 2 == 1;
            sent.add(new Sent("support", helpdesk, "kiosk", japanese ? "ja" : "en", i % 7,
                    japanese ? LATE_JA : LATE_EN));
        }
        int[] pleased = {10, 9, 10, 9, 10, 9, 10, 9, 8, 7, 8, 10};
        for (int i = 0; i < pleased.length; i++) {
            boolean japanese = i % 2 == 1;
            sent.add(new Sent("purchase", checkout, "in-app", japanese ? "ja" : "en", pleased[i],
                    japanese ? KIND_JA : KIND_EN));
        }
        for (Sent answer : sent) {
            given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("channel", answer.channel(), "language", answer.language(),
                            "journeyStage", answer.stage(), "touchpoint", answer.touchpoint(),
                            "answers", Map.of("nps", answer.nps(), "why", answer.text())))
                    .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                    .then().log().ifValidationFails().statusCode(202);
        }
        String analyst = KeycloakTokens.forUser(platform.keycloakUrl, "arthur");
        Map<String, String> range = Map.of("from", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(),
                "to", LocalDate.now(ZoneOffset.UTC).toString());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertEquals(Integer.valueOf(sent.size()), read(analyst, "/api/v1/surveys/" + surveyId + "/scores", range)
                    .get("questions.find { it.questionId == 'nps' }.count"));
            assertEquals(sent.size(), read(analyst, "/api/v1/surveys/" + surveyId + "/topics", range).getInt("texts"));
        });

        try (Browser browser = ConsoleIT.console("en-US", null)) {
            browser.open(platform.gatewayUrl + "/console/#/surveys/" + surveyId);
            ConsoleIT.logInThroughKeycloak(browser, "arthur");
            browser.shown(By.cssSelector("main[data-ready='true']"));

            // The breakdowns: each value's answers and NPS with its margin, as computed from what was sent
            List<Map.Entry<String, String>> dimensions = List.of(Map.entry("channel", "channel"),
                    Map.entry("touchpoint", "touchpoint"), Map.entry("journeyStage", "stage"));
            for (Map.Entry<String, String> dimension : dimensions) {
                new Select(browser.shown(By.id("breakdown-by"))).selectByValue(dimension.getKey());
                browser.shown(By.cssSelector("#breakdown[data-by='" + dimension.getKey() + "']"));
                for (String value : sent.stream().map(answer -> valueOf(answer, dimension.getValue())).distinct()
                        .toList()) {
                    List<Sent> those = sent.stream().filter(answer -> valueOf(answer, dimension.getValue())
                            .equals(value)).toList();
                    List<WebElement> cells = browser.shown(By.cssSelector("#breakdown tr[data-value='" + value + "']"))
                            .findElements(By.tagName("td"));
                    assertEquals(String.valueOf(those.size()), cells.get(0).getText(), dimension + " " + value);
                    assertEquals(expectedNps(those), cells.get(1).getText(), dimension + " " + value);
                }
                assertEquals(2, browser.driver().findElements(By.cssSelector("#breakdown tbody tr")).size());
                browser.shown(By.cssSelector("#breakdown-chart canvas"));
            }
            assertEquals("Support", browser.shown(By.cssSelector("#breakdown tr[data-value='support'] th")).getText(),
                    "a stage by its name");

            // The journey map: the weakest stage named in words and flagged in its row, the touchpoints' figures
            browser.click(By.id("nav-journey"));
            browser.shown(By.cssSelector("main[data-ready='true']"));
            JsonPath journey = read(analyst, "/api/v1/insights/journey", Map.of());
            assertEquals("support", journey.getString("weakest.journeyStage"), "no other stage is as weak as −100");
            assertEquals("Support", browser.shown(By.id("weakest-stage")).getText());
            assertEquals("Weakest stage", browser.shown(By.cssSelector(
                    "tr.weakest[data-stage='support'] #weakest-flag")).getText());
            List<WebElement> place = browser.shown(By.cssSelector("tr[data-stage='support'][data-touchpoint='"
                    + helpdesk + "']")).findElements(By.cssSelector("td, th"));
            assertEquals(helpdesk, place.get(1).getText());
            assertEquals("30", place.get(2).getText());
            assertEquals(expectedNps(sent.subList(0, 30)), place.get(3).getText());
            browser.shown(By.cssSelector("#journey-chart canvas"));
            List<String> serious = browser.seriousAccessibilityViolations("the journey map");
            assertTrue(serious.isEmpty(), "axe-core on the journey map:\n" + String.join("\n", serious));
            browser.screenshot(Browser.screenshots().resolve("console-journey.png"));

            // The survey's topics: volume and share, the detractor drivers with the z-test's figures, and evidence
            // phrases in both languages, quoted from the texts that were sent
            browser.open(platform.gatewayUrl + "/console/#/surveys/" + surveyId + "/topics");
            browser.shown(By.cssSelector("main[data-ready='true']"));
            assertTrue(browser.shown(By.id("topics-summary")).getText().startsWith(sent.size() + " texts"));
            List<WebElement> delivery = browser.shown(By.cssSelector("#topics tr[data-topic='delivery']"))
                    .findElements(By.tagName("td"));
            assertEquals("30", delivery.get(0).getText());
            assertEquals(percent(30, sent.size()), delivery.get(1).getText());
            String japanese = browser.shown(By.cssSelector("#topics tr[data-topic='delivery'] q[lang='ja']")).getText();
            assertTrue(!japanese.isBlank() && LATE_JA.contains(japanese), "a Japanese evidence phrase: " + japanese);
            String english = browser.shown(By.cssSelector("#topics tr[data-topic='delivery'] q[lang='en']")).getText();
            assertTrue(!english.isBlank() && LATE_EN.contains(english), "an English evidence phrase: " + english);
            // Delivery: 30 of the 30 detractors' texts, none of the 9 promoters' (the passives count in neither)
            List<WebElement> driver = browser.shown(By.cssSelector("#drivers tr[data-topic='delivery']"))
                    .findElements(By.tagName("td"));
            assertEquals(percent(30, 30) + " (30)", driver.get(0).getText());
            assertEquals(percent(0, 9) + " (0)", driver.get(1).getText());
            double pooled = 30.0 / 39;
            double z = 1.0 / Math.sqrt(pooled * (1 - pooled) * (1.0 / 30 + 1.0 / 9));
            assertEquals(z, Double.parseDouble(driver.get(2).getText()), 0.006, "the z statistic");
            assertTrue(LATE_JA.contains(browser.shown(By.cssSelector("#drivers tr[data-topic='delivery'] q[lang='ja']"))
                    .getText()), "the drivers' evidence is the detractors' words");
            serious = browser.seriousAccessibilityViolations("the topics");
            assertTrue(serious.isEmpty(), "axe-core on the topics:\n" + String.join("\n", serious));
            browser.screenshot(Browser.screenshots().resolve("console-topics.png"));

            // In Japanese, the topic is named in Japanese and the phrases stay as the customers wrote them
            new Select(browser.shown(By.id("language"))).selectByValue("ja");
            browser.waitForText(By.cssSelector("#topics tr[data-topic='delivery'] th"), "配送");
            browser.shown(By.cssSelector("main[data-ready='true']"));
            assertEquals(japanese, browser.shown(By.cssSelector("#topics tr[data-topic='delivery'] q[lang='ja']"))
                    .getText());

            // No admin action for an analyst, anywhere; the dead letters say the role does not allow them
            assertEquals(List.of(), browser.driver().findElements(By.cssSelector("[data-admin-action], "
                    + "#nav-webhooks, #nav-dead-letters, [data-redrive], [data-redeliver]")), "no admin action");
            browser.script("window.location.hash = '#/dead-letters'");
            assertEquals("このロールでは利用できません。", browser.shown(By.id("error-detail")).getText());
            assertEquals(List.of(), browser.script("return window.cspViolations"), "no CSP violation");
        }
        // What the page leaves out, the gateway refuses
        given().baseUri(platform.gatewayUrl).auth().oauth2(analyst).when().get("/api/v1/admin/dead-letters")
                .then().statusCode(403);
        given().baseUri(platform.gatewayUrl).auth().oauth2(analyst).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/admin/dead-letters/redrive").then().statusCode(403);
        given().baseUri(platform.gatewayUrl).auth().oauth2(analyst).when().get("/api/v1/webhooks/subscriptions")
                .then().statusCode(403);
    }

    @Test
    void anAdminRedeliversFromTheDeliveryLogAndRedrivesADeadLetter() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String url = "http://127.0.0.2:" + receiver.getAddress().getPort() + "/console-hooks";
        String subscriptionId = given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("response.completed"), "description", "console " + run))
                .when().post("/api/v1/webhooks/subscriptions")
                .then().statusCode(201).extract().path("id");
        String surveyId = survey("Console webhooks " + run);
        given().baseUri(platform.gatewayUrl).contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "language", "en", "answers", Map.of("nps", 9)))
                .when().post("/api/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202);
        String messageId = await().atMost(Duration.ofSeconds(60)).until(() -> received.stream()
                .filter(message -> message.get("body").contains(surveyId)).map(message -> message.get("id"))
                .findFirst().orElse(null), id -> id != null);

        String eventId = UUID.randomUUID().toString();
        unreadableEvent(eventId);
        String letterId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().baseUri(platform.gatewayUrl).auth().oauth2(admin).when().get("/api/v1/admin/dead-letters")
                        .then().statusCode(200).extract().jsonPath()
                        .<String>get("find { it.eventId == '" + eventId + "' }.id"), id -> id != null);

        try (Browser browser = ConsoleIT.console("en-US", null)) {
            browser.open(platform.gatewayUrl + "/console/#/webhooks");
            ConsoleIT.logInThroughKeycloak(browser, "alice");
            browser.click(By.cssSelector("#webhooks a[href='#/webhooks/" + subscriptionId + "']"));
            browser.shown(By.cssSelector("main[data-ready='true']"));
            assertEquals(url, browser.shown(By.id("page-title")).getText());
            By message = By.cssSelector("#messages tr[data-message='" + messageId + "']");
            By attempts = By.cssSelector("#attempts tr[data-message='" + messageId + "']");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                browser.click(By.id("refresh-log"));
                assertEquals("succeeded", browser.shown(message).getAttribute("data-state"));
                assertEquals(1, browser.driver().findElements(attempts).size());
            });
            assertTrue(browser.shown(attempts).getText().contains("204"), "the receiver's answer");
            List<String> serious = browser.seriousAccessibilityViolations("the delivery log");
            assertTrue(serious.isEmpty(), "axe-core on the delivery log:\n" + String.join("\n", serious));
            browser.screenshot(Browser.screenshots().resolve("console-webhook-log.png"));

            // Redelivered with the same message id: a second attempt in the log, a second delivery at the receiver
            browser.click(By.cssSelector("[data-redeliver='" + messageId + "']"));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                browser.click(By.id("refresh-log"));
                assertEquals(2, browser.driver().findElements(attempts).size());
            });
            assertEquals(2, received.stream().filter(delivered -> delivered.get("id").equals(messageId)).count());

            browser.click(By.id("nav-dead-letters"));
            By letter = By.cssSelector("#dead-letters tr[data-letter='" + letterId + "']");
            assertTrue(browser.shown(letter).getText().contains(eventId));
            assertEquals("–", browser.shown(letter).findElements(By.tagName("td")).get(3).getText(), "not redriven");
            serious = browser.seriousAccessibilityViolations("the dead letters");
            assertTrue(serious.isEmpty(), "axe-core on the dead letters:\n" + String.join("\n", serious));
            browser.click(By.cssSelector("[data-redrive='" + letterId + "']"));
            browser.driver().switchTo().alert().accept();
            await().atMost(Duration.ofSeconds(5)).until(() -> "1 handed back.".equals(
                    browser.script("return document.getElementById('status').textContent")));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                browser.click(By.id("refresh-dead-letters"));
                assertTrue(!"–".equals(browser.shown(letter).findElements(By.tagName("td")).get(3).getText()),
                        "redriven");
            });
            assertEquals(List.of(), browser.script("return window.cspViolations"), "no CSP violation");
        }
        given().baseUri(platform.gatewayUrl).auth().oauth2(admin)
                .when().delete("/api/v1/webhooks/subscriptions/{id}", subscriptionId)
                .then().statusCode(204);
    }

    private static String valueOf(Sent answer, String dimension) {
        return switch (dimension) {
            case "touchpoint" -> answer.touchpoint();
            case "stage" -> answer.stage();
            default -> answer.channel();
        };
    }

    /** NPS and its 95 % margin from the answers sent, as the console shows them (one decimal, "± margin"). */
    private static String expectedNps(List<Sent> answers) {
        double n = answers.size();
        double promoters = answers.stream().filter(answer -> answer.nps() >= 9).count() / n;
        double detractors = answers.stream().filter(answer -> answer.nps() <= 6).count() / n;
        double score = promoters - detractors;
        double margin = 100 * Z_95 * Math.sqrt((promoters + detractors - score * score) / n);
        return shown(100 * score) + " ± " + shown(margin);
    }

    private static String percent(long part, long whole) {
        return shown(100.0 * part / whole) + " %";
    }

    /** A number as the console writes it in English: at most one decimal, rounded half up, no trailing zero. */
    private static String shown(double value) {
        BigDecimal kept = BigDecimal.valueOf(Math.round(value * 10_000) / 10_000.0);
        return kept.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static JsonPath read(String token, String path, Map<String, ?> query) {
        return given().baseUri(platform.gatewayUrl).auth().oauth2(token).queryParams(query)
                .when().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static String survey(String name) {
        return given().baseUri(platform.gatewayUrl).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(SURVEY.formatted(name))
                .when().post("/api/v1/surveys")
                .then().statusCode(201).extract().path("id");
    }

    /** A response event of a version no consumer knows, for the tenant: each consumer dead-letters it. */
    private static void unreadableEvent(String eventId) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("hearken.responses", eventId,
                    "{\"responseId\": \"" + eventId + "\"}");
            record.headers()
                    .add("ce_specversion", bytes("1.0"))
                    .add("ce_id", bytes(eventId))
                    .add("ce_type", bytes("hearken.response.submitted.v9"))
                    .add("ce_source", bytes("urn:hearken:e2e"))
                    .add("ce_subject", bytes("console-dead-letter-" + Instant.now().toEpochMilli()))
                    .add("ce_tenant", bytes("acme"))
                    .add("content-type", bytes("application/json"));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
