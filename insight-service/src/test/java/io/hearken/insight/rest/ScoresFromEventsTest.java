package io.hearken.insight.rest;

import io.hearken.common.events.EventTypes;
import io.hearken.common.events.Topics;
import io.hearken.testing.EventPublisher;
import io.hearken.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scores read back through the API after their responses went through the real broker and the consumer, checked
 * against values computed here from the raw answers with the textbook formulas, not with the service's own code.
 */
@QuarkusTest
class ScoresFromEventsTest {

    private static final double Z_95 = 1.959964;
    private static final List<String> CHANNELS = List.of("web", "email", "sms");
    private static final List<String> LOCALES = List.of("en", "ja");

    /** One generated response, kept raw so the expected scores are computed from it directly. */
    record Raw(String id, Instant at, String channel, String locale, int nps, int csat, int ces, List<String> picks) {

        LocalDate day() {
            return LocalDate.ofInstant(at, ZoneOffset.UTC);
        }

        String json(String tenant, String surveyId) {
            String picked = String.join("\", \"", picks);
            return """
                    {"responseId": "%s", "surveyId": "%s", "surveyVersion": 1, "tenant": "%s", "channel": "%s",
                     "language": "%s", "touchpoint": "checkout", "journeyStage": "purchase",
                     "answers": [{"questionId": "nps", "type": "NPS", "score": %d, "scaleMin": 0, "scaleMax": 10},
                                 {"questionId": "csat", "type": "CSAT", "score": %d, "scaleMin": 1, "scaleMax": 5},
                                 {"questionId": "ces", "type": "CES", "score": %d, "scaleMin": 1, "scaleMax": 7},
                                 {"questionId": "why", "type": "MULTIPLE_CHOICE", "choices": ["%s"]},
                                 {"questionId": "say", "type": "TEXT", "text": "fine"}],
                     "completed": true, "submittedAt": "%s"}
                    """.formatted(id, surveyId, tenant, channel, locale, nps, csat, ces, picked, at);
        }
    }

    private static List<Raw> generate(int count, long seed, LocalDate first, int days) {
        Random random = new Random(seed);
        List<Raw> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = first.plusDays(random.nextInt(days)).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(random.nextInt(86_400));
            List<String> picks = random.nextBoolean() ? List.of("price") : List.of("price", "speed");
            responses.add(new Raw(UUID.randomUUID().toString(), at, CHANNELS.get(random.nextInt(3)),
                    LOCALES.get(random.nextInt(2)), random.nextInt(11), 1 + random.nextInt(5), 1 + random.nextInt(7),
                    random.nextInt(4) == 0 ? List.of("speed") : picks));
        }
        return responses;
    }

    private static void publish(String tenant, String surveyId, List<Raw> responses) {
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            for (Raw response : responses) {
                publisher.publish(Topics.RESPONSES, response.id(), EventTypes.RESPONSE_SUBMITTED, surveyId, tenant,
                        response.json(tenant, surveyId));
            }
        }
    }

    private static void publishSurvey(String tenant, String surveyId) {
        try (EventPublisher publisher = new EventPublisher(TestInfrastructure.kafkaBootstrapServers())) {
            // As survey-service writes it: the broker is the run's, and survey-service's projector reads it too.
            publisher.publish(Topics.SURVEYS, surveyId, EventTypes.SURVEY_CHANGED, surveyId, tenant, """
                    {"id": "%s", "tenant": "%s", "name": "Checkout", "status": "ACTIVE", "revision": 1,
                     "publishedVersion": 0, "createdAt": "%s", "updatedAt": "%s"}
                    """.formatted(surveyId, tenant, Instant.now(), Instant.now()));
        }
    }

    private static JsonPath scores(String tenant, String surveyId, Map<String, String> query) {
        return given().header("X-Hearken-Tenant", tenant).queryParams(query)
                .when().get("/v1/surveys/{id}/scores", surveyId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void awaitCount(String tenant, String surveyId, String from, String to, int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(count, scores(tenant, surveyId,
                Map.of("from", from, "to", to, "question", "nps")).getInt("questions[0].count")));
    }

    /** NPS and its margin, from the raw scores: % promoters − % detractors; variance p + d − (p − d)². */
    private static double[] nps(List<Raw> responses) {
        double n = responses.size();
        double promoters = responses.stream().filter(raw -> raw.nps() >= 9).count() / n;
        double detractors = responses.stream().filter(raw -> raw.nps() <= 6).count() / n;
        double score = promoters - detractors;
        return new double[] {100 * score, 100 * Z_95 * Math.sqrt((promoters + detractors - score * score) / n)};
    }

    private static double[] proportion(long part, long whole) {
        double share = (double) part / whole;
        return new double[] {100 * share, 100 * Z_95 * Math.sqrt(share * (1 - share) / whole)};
    }

    private static double[] mean(List<Integer> values) {
        double mean = values.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double squares = values.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum();
        return new double[] {mean, Z_95 * Math.sqrt(squares / (values.size() - 1) / values.size())};
    }

    private static void assertScore(JsonPath body, String question, String score, double[] expected, long count) {
        String path = "questions.find { it.questionId == '" + question + "' }.scores.find { it.name == '" + score
                + "' }";
        assertEquals(expected[0], body.getDouble(path + ".value"), 1e-3, question + " " + score);
        assertEquals(expected[1], body.getDouble(path + ".marginOfError"), 1e-3, question + " " + score + " margin");
        assertEquals(count, body.getLong(path + ".count"), question + " " + score + " count");
    }

    private static void assertAllScores(JsonPath body, List<Raw> raw) {
        assertScore(body, "nps", "nps", nps(raw), raw.size());
        assertScore(body, "csat", "csatTopTwoBox", proportion(raw.stream().filter(r -> r.csat() >= 4).count(),
                raw.size()), raw.size());
        assertScore(body, "csat", "csatMean", mean(raw.stream().map(Raw::csat).toList()), raw.size());
        assertScore(body, "ces", "cesMean", mean(raw.stream().map(Raw::ces).toList()), raw.size());
        assertScore(body, "ces", "cesAgree", proportion(raw.stream().filter(r -> r.ces() >= 5).count(), raw.size()),
                raw.size());
        assertScore(body, "why", "price", proportion(raw.stream().filter(r -> r.picks().contains("price")).count(),
                raw.size()), raw.size());
    }

    private static List<Raw> within(List<Raw> responses, String from, String to, Predicate<Raw> slice) {
        LocalDate first = LocalDate.parse(from);
        LocalDate last = LocalDate.parse(to);
        return responses.stream()
                .filter(raw -> !raw.day().isBefore(first) && !raw.day().isAfter(last) && slice.test(raw))
                .toList();
    }

    @Test
    void scoresOfAnySliceMatchTheRawAnswersAndRedeliveriesCountOnce() {
        String surveyId = UUID.randomUUID().toString();
        List<Raw> responses = generate(400, 7, LocalDate.parse("2026-09-20"), 70);
        publish("acme", surveyId, responses);
        // Redeliveries, as after a crash or a retried submission: they must count nothing.
        publish("acme", surveyId, responses.subList(0, 25));
        String from = "2026-10-10";
        String to = "2026-11-15";
        List<Raw> inRange = within(responses, from, to, raw -> true);
        awaitCount("acme", surveyId, "2026-09-01", "2026-12-31", responses.size());

        JsonPath all = scores("acme", surveyId, Map.of("from", from, "to", to));
        assertAllScores(all, inRange);
        assertEquals(within(responses, "2026-09-03", "2026-10-09", raw -> true).size(),
                all.getInt("questions.find { it.questionId == 'nps' }.scores[0].previous.count"));
        assertEquals("2026-09-03", all.getString("previousPeriod.from"));

        JsonPath webInJapanese = scores("acme", surveyId, Map.of("from", from, "to", to, "channel", "web",
                "locale", "ja", "journeyStage", "purchase"));
        assertAllScores(webInJapanese, within(responses, from, to,
                raw -> raw.channel().equals("web") && raw.locale().equals("ja")));
        assertEquals(Map.of("channel", "web", "locale", "ja", "journeyStage", "purchase"),
                webInJapanese.getMap("slice"));

        JsonPath version = scores("acme", surveyId, Map.of("from", from, "to", to, "version", "1",
                "touchpoint", "checkout"));
        assertAllScores(version, inRange);
        assertEquals(0, scores("acme", surveyId, Map.of("from", from, "to", to, "version", "2"))
                .getList("questions").size());
    }

    @Test
    void aTrendHasEachPeriodsScores() {
        String surveyId = UUID.randomUUID().toString();
        List<Raw> responses = generate(300, 11, LocalDate.parse("2026-10-26"), 28);
        publish("acme", surveyId, responses);
        awaitCount("acme", surveyId, "2026-10-01", "2026-11-30", responses.size());

        JsonPath trend = given().header("X-Hearken-Tenant", "acme")
                .queryParams(Map.of("question", "nps", "granularity", "week", "from", "2026-10-26",
                        "to", "2026-11-22", "channel", "email"))
                .when().get("/v1/surveys/{id}/trend", surveyId)
                .then().statusCode(200).body("series", hasSize(1)).body("series[0].points", hasSize(4))
                .extract().jsonPath();
        for (int week = 0; week < 4; week++) {
            String from = LocalDate.parse("2026-10-26").plusWeeks(week).toString();
            String to = LocalDate.parse(from).plusDays(6).toString();
            List<Raw> raw = within(responses, from, to, response -> response.channel().equals("email"));
            assertEquals(from, trend.getString("series[0].points[" + week + "].from"));
            assertEquals(raw.size(), trend.getInt("series[0].points[" + week + "].count"));
            assertEquals(nps(raw)[0], trend.getDouble("series[0].points[" + week + "].scores[0].value"), 1e-3);
        }
        JsonPath monthly = given().header("X-Hearken-Tenant", "acme")
                .queryParams(Map.of("question", "csat", "granularity", "month", "from", "2026-10-15",
                        "to", "2026-11-30"))
                .when().get("/v1/surveys/{id}/trend", surveyId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(within(responses, "2026-11-01", "2026-11-30", raw -> true).size(),
                monthly.getInt("series[0].points[1].count"));
    }

    @Test
    void daysAreTheTenantsOwn() {
        String surveyId = UUID.randomUUID().toString();
        Raw lateEvening = new Raw(UUID.randomUUID().toString(), Instant.parse("2026-11-30T20:00:00Z"), "web", "ja", 10,
                5, 7, List.of("price"));
        publish("tokyo-co", surveyId, List.of(lateEvening));
        // 20:00 UTC on 30 November is 1 December in Tokyo (the tenant's zone in the test profile).
        awaitCount("tokyo-co", surveyId, "2026-12-01", "2026-12-01", 1);
        assertEquals("Asia/Tokyo", scores("tokyo-co", surveyId, Map.of("from", "2026-11-30", "to", "2026-11-30"))
                .getString("timeZone"));
        assertEquals(0, scores("tokyo-co", surveyId, Map.of("from", "2026-11-30", "to", "2026-11-30"))
                .getList("questions").size());
    }

    @Test
    void aSurveyTheTenantDoesNotHaveIsNotFoundNeverZeros() {
        String surveyId = UUID.randomUUID().toString();
        publishSurvey("acme", surveyId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/scores", surveyId)
                        .then().statusCode(200).body("questions", hasSize(0)));
        given().header("X-Hearken-Tenant", "globex").when().get("/v1/surveys/{id}/scores", surveyId)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-Hearken-Tenant", "globex").when().get("/v1/surveys/{id}/nps", surveyId)
                .then().statusCode(404);
        given().header("X-Hearken-Tenant", "acme").queryParam("question", "nps")
                .when().get("/v1/surveys/{id}/trend", UUID.randomUUID().toString())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/nps", surveyId)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theAllTimeNpsCountsEveryAnswer() {
        String surveyId = UUID.randomUUID().toString();
        List<Raw> responses = generate(50, 3, LocalDate.parse("2025-01-01"), 600);
        publish("acme", surveyId, responses);
        long promoters = responses.stream().filter(raw -> raw.nps() >= 9).count();
        long detractors = responses.stream().filter(raw -> raw.nps() <= 6).count();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("X-Hearken-Tenant", "acme").when().get("/v1/surveys/{id}/nps", surveyId)
                        .then().statusCode(200).body("total", equalTo(50))
                        .body("promoters", equalTo((int) promoters)).body("detractors", equalTo((int) detractors)));
    }

    @Test
    void badQueriesAreProblemsNamingTheParameter() {
        String surveyId = UUID.randomUUID().toString();
        publishSurvey("acme", surveyId);
        String[][] cases = {
                {"/scores", "chanel", "web", "chanel"},
                {"/scores", "from", "2026-13-01", "from"},
                {"/scores", "to", "yesterday", "to"},
                {"/scores", "channel", "", "channel"},
                {"/trend", "granularity", "hour", "granularity"},
        };
        for (String[] bad : cases) {
            Map<String, String> query = new HashMap<>(Map.of(bad[1], bad[2]));
            if (bad[0].equals("/trend")) {
                query.put("question", "nps");
            }
            given().header("X-Hearken-Tenant", "acme").queryParams(query)
                    .when().get("/v1/surveys/{id}" + bad[0], surveyId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[3]));
        }
        given().header("X-Hearken-Tenant", "acme").queryParams(Map.of("from", "2026-11-26", "to", "2026-11-01"))
                .when().get("/v1/surveys/{id}/scores", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().header("X-Hearken-Tenant", "acme")
                .queryParams(Map.of("question", "nps", "granularity", "day", "from", "2024-01-01", "to", "2026-11-01"))
                .when().get("/v1/surveys/{id}/trend", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("granularity"));
        given().header("X-Hearken-Tenant", "acme")
                .when().get("/v1/surveys/{id}/trend", surveyId)
                .then().statusCode(400).body("errors[0].field", equalTo("question"));
        // Without the gateway's credential nothing is answered, not even which parameter is wrong
        given().when().get("/v1/surveys/{id}/nps", surveyId)
                .then().statusCode(401).contentType("application/problem+json");
    }
}
