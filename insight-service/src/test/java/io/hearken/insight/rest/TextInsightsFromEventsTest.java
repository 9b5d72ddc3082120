package io.hearken.insight.rest;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.insight.domain.text.SentimentLabel;
import io.hearken.insight.domain.text.TextAnalysis;
import io.hearken.insight.domain.text.TextAnalyzer;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Free-text answers and feedback through the real broker and the consumers, read back as topics, detractor drivers
 * and the journey map; the expected figures are counted here from the analyser's own verdict on each text.
 */
@QuarkusTest
class TextInsightsFromEventsTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    private static final String DAY = "2026-11-20";

    private static final List<String> DETRACTOR_TEXTS = List.of(
            "The delivery was late again and nobody called.",
            "配達が遅くて、とても不満です。",
            "快递太慢了，非常失望。",
            "Delivery took two weeks, terrible.");
    private static final List<String> PROMOTER_TEXTS = List.of(
            "The staff were very friendly and helpful.",
            "店員さんがとても親切でした。",
            "服务员态度很好，非常满意。",
            "Great staff, fast checkout.");

    private static String response(String id, String tenant, String surveyId, int nps, String stage,
                                   String touchpoint, String text, String language) {
        return """
                {"responseId": "%s", "surveyId": "%s", "surveyVersion": 1, "tenant": "%s", "channel": "web",
                 "language": "%s", "touchpoint": "%s", "journeyStage": "%s",
                 "answers": [{"questionId": "nps", "type": "NPS", "score": %d, "scaleMin": 0, "scaleMax": 10},
                             {"questionId": "why", "type": "TEXT", "text": "%s"}],
                 "submittedAt": "%sT10:00:00Z"}
                """.formatted(id, surveyId, tenant, language, touchpoint, stage, nps, text, DAY);
    }

    private static String languageOf(String text) {
        return text.matches(".*[\\u3040-\\u30ff].*") ? "ja" : text.matches(".*[\\u4e00-\\u9fff].*") ? "zh" : "en";
    }

    private static JsonPath get(String tenant, String path, Map<String, ?> query) {
        return given().header("X-Hearken-Tenant", tenant).queryParams(query).when().get(path)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void topicsDriversAndTheJourneyComeFromTheTexts() {
        String tenant = "texts-" + UUID.randomUUID().toString().substring(0, 8);
        String surveyId = UUID.randomUUID().toString();
        int rounds = 10;
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            for (int round = 0; round < rounds; round++) {
                for (String text : DETRACTOR_TEXTS) {
                    String id = UUID.randomUUID().toString();
                    publisher.publish(Topics.RESPONSES, id, EventTypes.RESPONSE_SUBMITTED, surveyId, tenant,
                            response(id, tenant, surveyId, 2, "delivery", "courier", text, languageOf(text)));
                }
                for (String text : PROMOTER_TEXTS) {
                    String id = UUID.randomUUID().toString();
                    publisher.publish(Topics.RESPONSES, id, EventTypes.RESPONSE_SUBMITTED, surveyId, tenant,
                            response(id, tenant, surveyId, 10, "purchase", "store", text, languageOf(text)));
                }
            }
        }
        int texts = rounds * (DETRACTOR_TEXTS.size() + PROMOTER_TEXTS.size());
        Map<String, String> range = Map.of("from", DAY, "to", DAY);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(texts, get(tenant, "/v1/surveys/" + surveyId + "/topics", range).getInt("texts")));

        long delivery = 0;
        long negative = 0;
        double sentiment = 0;
        for (String text : DETRACTOR_TEXTS) {
            TextAnalysis analysis = ANALYZER.analyze(text, languageOf(text));
            delivery += analysis.topics().stream().anyMatch(topic -> topic.id().equals("delivery")) ? rounds : 0;
            negative += analysis.label() == SentimentLabel.NEGATIVE ? rounds : 0;
            sentiment += Math.round(analysis.sentiment() * 1000) * rounds;
        }
        for (String text : PROMOTER_TEXTS) {
            TextAnalysis analysis = ANALYZER.analyze(text, languageOf(text));
            negative += analysis.label() == SentimentLabel.NEGATIVE ? rounds : 0;
            sentiment += Math.round(analysis.sentiment() * 1000) * rounds;
        }
        assertTrue(delivery >= 3 * rounds, "the analyser finds delivery in most complaints");

        JsonPath topics = get(tenant, "/v1/surveys/" + surveyId + "/topics", range);
        assertEquals(delivery, topics.getLong("topics.find { it.topic == 'delivery' }.texts"));
        assertEquals(100.0 * negative / texts, topics.getDouble("negativeShare"), 1e-3);
        assertEquals(sentiment / 1000 / texts, topics.getDouble("averageSentiment"), 1e-3);
        assertEquals("delivery", topics.getString("detractorDrivers[0].topic"));
        assertEquals(0, get(tenant, "/v1/surveys/" + surveyId + "/topics", Map.of("from", DAY, "to", DAY,
                "channel", "kiosk")).getInt("texts"));

        JsonPath journey = get(tenant, "/v1/insights/journey", range);
        assertEquals("delivery", journey.getString("weakest.journeyStage"));
        assertEquals(-100.0, journey.getDouble("weakest.value"), 1e-9);
        assertEquals(rounds * DETRACTOR_TEXTS.size(),
                journey.getInt("stages.find { it.journeyStage == 'delivery' }.overall.responses"));
        assertEquals("courier", journey.getString("stages.find { it.journeyStage == 'delivery' }"
                + ".touchpoints[0].touchpoint"));
        assertEquals(delivery, journey.getLong("stages.find { it.journeyStage == 'delivery' }"
                + ".overall.texts.topics.find { it.topic == 'delivery' }.texts"));
    }

    @Test
    void feedbackIsAnalysedByItsSourceAndLanguage() {
        String tenant = "feedback-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> reviews = List.of("退款一直没有处理，客服也不回复。", "Refund took forever.", "アプリがすぐ落ちる。");
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            for (String review : reviews) {
                String id = UUID.randomUUID().toString();
                publisher.publish(Topics.FEEDBACK, id, "hearken.feedback.received.v1", id, tenant, """
                        {"feedbackId": "%s", "tenant": "%s", "source": "appstore", "externalId": "%s",
                         "rating": 1, "ratingMax": 5, "text": "%s", "language": "%s",
                         "postedAt": "%sT08:00:00Z", "receivedAt": "%s"}
                        """.formatted(id, tenant, id, review, languageOf(review), DAY, Instant.now()));
            }
            // A bare rating has nothing to analyse.
            String id = UUID.randomUUID().toString();
            publisher.publish(Topics.FEEDBACK, id, "hearken.feedback.received.v1", id, tenant, """
                    {"feedbackId": "%s", "tenant": "%s", "source": "appstore", "externalId": "%s", "rating": 5,
                     "ratingMax": 5, "postedAt": "%sT08:00:00Z", "receivedAt": "%s"}
                    """.formatted(id, tenant, id, DAY, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(3,
                get(tenant, "/v1/insights/feedback/topics", Map.of("from", DAY, "to", DAY)).getInt("texts")));
        long refunds = reviews.stream().filter(review -> ANALYZER.analyze(review, languageOf(review)).topics()
                .stream().anyMatch(topic -> topic.id().equals("billing"))).count();
        JsonPath appstore = get(tenant, "/v1/insights/feedback/topics", Map.of("from", DAY, "to", DAY,
                "channel", "appstore", "locale", "zh"));
        assertEquals(1, appstore.getInt("texts"));
        assertTrue(refunds >= 2, "the analyser finds the refunds");
        assertEquals(refunds, get(tenant, "/v1/insights/feedback/topics", Map.of("from", DAY, "to", DAY))
                .getLong("topics.find { it.topic == 'billing' }.texts"));
    }

    @Test
    void theAnalyserShowsItsEvidence() {
        given().header("X-Hearken-Tenant", "acme").contentType("application/json")
                .body(Map.of("text", "配送が全然良くなかった。解約したい。"))
                .when().post("/v1/insights/text-analysis")
                .then().statusCode(200)
                .body("language", equalTo("ja"))
                .body("label", equalTo("NEGATIVE"))
                .body("topics.topic", hasItem("delivery"));
        given().header("X-Hearken-Tenant", "acme").contentType("application/json")
                .body(Map.of("text", "The courier was not very helpful."))
                .when().post("/v1/insights/text-analysis")
                .then().statusCode(200).body("label", equalTo("NEGATIVE"))
                .body("evidence[0].phrase", equalTo("not very helpful"));
    }

    @Test
    void badQueriesAndTextsAreProblemsNamingTheField() {
        given().header("X-Hearken-Tenant", "acme").contentType("application/json").body(Map.of("text", " "))
                .when().post("/v1/insights/text-analysis")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field",
                        equalTo("text"));
        given().header("X-Hearken-Tenant", "acme").contentType("application/json")
                .body(Map.of("text", "a".repeat(TextAnalyzer.MAX_CHARS + 1)))
                .when().post("/v1/insights/text-analysis")
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        given().header("X-Hearken-Tenant", "acme").queryParam("version", "1")
                .when().get("/v1/insights/feedback/topics")
                .then().statusCode(400).body("errors[0].field", equalTo("version"));
        given().header("X-Hearken-Tenant", "acme").queryParam("limit", "0")
                .when().get("/v1/insights/feedback/topics")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().header("X-Hearken-Tenant", "acme").queryParam("channel", "web")
                .when().get("/v1/insights/journey")
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/topics", UUID.randomUUID().toString())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
