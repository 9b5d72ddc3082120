package io.hearken.survey.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.survey.TestSurveys;
import io.hearken.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ResponseSubmissionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ObjectMapper json = new ObjectMapper();
    private String surveyId;

    @BeforeEach
    void createSurvey() {
        surveyId = TestSurveys.createNpsSurvey(TestSurveys.TENANT);
    }

    private static String response(Object score) {
        return """
                {"channel": "web", "language": "ja", "respondent": {"email": "Mika@Example.com"},
                 "answers": {"nps": %s, "reason": "速い配送"}}
                """.formatted(score);
    }

    @Test
    void acceptedResponseIsPublishedAsCloudEventAndStored() throws Exception {
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, "hearken.responses")) {
            String responseId = given().contentType(ContentType.JSON).body(response(9))
                    .header("X-Request-Id", "req-cloud-event-1")
                    .when().post("/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(202)
                    .body("id", notNullValue())
                    .body("status", equalTo("accepted"))
                    .extract().path("id");

            List<ConsumerRecord<String, String>> records = probe.await(
                    record -> responseId.equals(record.key()), 1, Duration.ofSeconds(20));
            assertEquals(1, records.size());
            ConsumerRecord<String, String> record = records.get(0);
            assertEquals("hearken.response.submitted.v2", header(record, "ce_type"));
            assertEquals("req-cloud-event-1", header(record, "ce_requestid"), "the gateway's request id travels on");
            assertEquals(responseId, header(record, "ce_id"));
            assertEquals(surveyId, header(record, "ce_subject"));
            assertEquals("acme", header(record, "ce_tenant"));
            JsonNode data = json.readTree(record.value());
            assertEquals("web", data.get("channel").asText());
            assertEquals("mika@example.com", data.at("/respondent/email").asText());
            assertEquals(9, data.at("/answers/0/score").asInt());
            assertEquals(10, data.at("/answers/0/scaleMax").asInt());
            assertEquals(1, data.at("/surveyVersion").asInt());
            assertEquals("速い配送", data.at("/answers/1/text").asText());
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme")
                        .when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].answers[0].score", equalTo(9)));
    }

    @Test
    void retriedSubmissionWithSameIdempotencyKeyIsKeptOnce() {
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(response(3))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).extract().path("id");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(response(3))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).extract().path("id");
        assertEquals(first, second);

        // Both appends reach the topic; the projection keeps one document.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme")
                        .when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().body("items", hasSize(1)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme")
                        .when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().body("items", hasSize(1)));
    }

    @Test
    void retryOfAStoredResponseGetsTheOriginalReceiptAndAppendsNothing() {
        String key = UUID.randomUUID().toString();
        var first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(response(8))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).extract();
        String responseId = first.path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme")
                        .when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().body("items.responseId", hasItem(responseId)));

        try (TopicProbe probe = TopicProbe.open(bootstrapServers, "hearken.responses")) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(response(8))
                    .when().post("/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(202)
                    .header("Idempotent-Replayed", "true")
                    .body("id", equalTo(responseId))
                    .body("submittedAt", equalTo(first.path("submittedAt")));
            assertTrue(probe.collect(record -> responseId.equals(record.key()), Duration.ofSeconds(2)).isEmpty(),
                    "a replayed submission must not be appended again");
        }
    }

    @Test
    void reusingAKeyForADifferentResponseIs422() {
        String key = UUID.randomUUID().toString();
        String responseId = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(response(2))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme")
                        .when().get("/v1/surveys/{id}/responses", surveyId)
                        .then().body("items.responseId", hasItem(responseId)));

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(response(10))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/idempotency-key-reused"));
    }

    @Test
    void reusingAKeyForADifferentResponseAtOnceIs422AndAppendsNothing() {
        String key = UUID.randomUUID().toString();
        String responseId = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(response(2))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202).extract().path("id");
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, "hearken.responses")) {
            // No wait for the projection: the check is the claim, not a read of MongoDB's copy.
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(response(10))
                    .when().post("/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(422)
                    .body("type", equalTo("https://hearken.io/problems/idempotency-key-reused"));
            assertTrue(probe.collect(record -> responseId.equals(record.key()), Duration.ofSeconds(1)).isEmpty());
        }
    }

    @Test
    void concurrentSubmissionsWithOneKeyKeepExactlyOneContent() throws Exception {
        String key = UUID.randomUUID().toString();
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int score = i % 2 == 0 ? 4 : 6;
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(response(score))
                            .when().post("/v1/public/surveys/{id}/responses", surveyId);
                }));
            }
            start.countDown();
            List<Integer> acceptedScores = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < attempts; i++) {
                var answer = answers.get(i).get(30, TimeUnit.SECONDS);
                if (answer.statusCode() == 202) {
                    acceptedScores.add(i % 2 == 0 ? 4 : 6);
                } else {
                    assertEquals(422, answer.statusCode(), answer.asString());
                    refused++;
                }
            }
            assertEquals(1, Set.copyOf(acceptedScores).size(), "only one content is accepted: " + acceptedScores);
            assertEquals(attempts / 2, refused, "every attempt with the other content is refused");
            int kept = acceptedScores.get(0);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/responses", surveyId)
                            .then().body("items", hasSize(1)).body("items[0].answers[0].score", equalTo(kept)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAShortOrUnsafeIdempotencyKey() {
        for (String key : List.of("1", "order-42", "has space in it 1234", "ünïcödé-key-123456")) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(response(5))
                    .when().post("/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("Idempotency-Key"))
                    .body("errors[0].message", containsString("16 to 128 characters"));
        }
    }

    @Test
    void rejectsScoreOutsideNpsScaleAndStoresNothing() {
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, "hearken.responses")) {
            given().contentType(ContentType.JSON).body(response(11))
                    .when().post("/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors[0].field", equalTo("answers.nps"))
                    .body("errors[0].message", equalTo("must be from 0 to 10, was 11"));
            assertTrue(probe.collect(record -> surveyId.equals(header(record, "ce_subject")),
                    Duration.ofSeconds(2)).isEmpty(), "a rejected response must not be published");
        }
    }

    @Test
    void rejectsFractionalOrTextualScore() {
        given().contentType(ContentType.JSON).body(response(7.5))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("answers.nps"));
        given().contentType(ContentType.JSON).body(response("\"nine\""))
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("answers.nps"));
    }

    @Test
    void rejectsMissingRequiredAnswer() {
        given().contentType(ContentType.JSON)
                .body("{\"channel\": \"sms\", \"answers\": {\"reason\": \"no score\"}}")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("answers.nps"))
                .body("errors.message", hasItem("is required"));
    }

    @Test
    void rejectsUnknownChannelAndUnknownQuestion() {
        given().contentType(ContentType.JSON)
                .body("{\"channel\": \"pigeon\", \"answers\": {\"nps\": 5, \"color\": \"red\"}}")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(400)
                .body("errors.field", hasItem("channel"))
                .body("errors.field", hasItem("answers.color"));
    }

    @Test
    void unknownSurveyIs404Problem() {
        given().contentType(ContentType.JSON).body(response(5))
                .when().post("/v1/public/surveys/{id}/responses", "no-such-survey")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/not-found"));
    }

    @Test
    void malformedJsonIs400Problem() {
        given().contentType(ContentType.JSON).body("{\"channel\": \"web\", \"answers\": {\"nps\": 9")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/malformed-json"));
    }

    @Test
    void invalidEmailNamesTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"channel\": \"web\", \"respondent\": {\"email\": \"not-an-email\"}, \"answers\": {\"nps\": 9}}")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("respondent.email"));
    }

    @Test
    void oversizedBodyIs413Problem() {
        String reason = "x".repeat(70_000);
        given().contentType(ContentType.JSON)
                .body("{\"channel\": \"web\", \"answers\": {\"nps\": 9, \"reason\": \"" + reason + "\"}}")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearken.io/problems/payload-too-large"));
    }

    @Test
    void rendersActiveSurveyForRespondents() {
        given().when().get("/v1/public/surveys/{id}", surveyId)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("pages[0].questions.id", hasItem("nps"))
                .body("title.zh", equalTo("请告诉我们您的体验"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
