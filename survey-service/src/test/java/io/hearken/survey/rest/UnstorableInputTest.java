package io.hearken.survey.rest;

import io.hearken.survey.TestSurveys;
import io.hearken.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge refuses what no store downstream can hold, naming the field, and keeps nothing of it: before, a text with
 * U+0000 was acknowledged and then stalled profile-service's timelines for every tenant.
 */
@QuarkusTest
class UnstorableInputTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String surveyId;

    @BeforeEach
    void createSurvey() {
        surveyId = TestSurveys.createNpsSurvey(TestSurveys.TENANT);
    }

    private void refused(String body, String field, String reason) {
        try (TopicProbe probe = TopicProbe.open(bootstrapServers, "hearken.responses")) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/v1/public/surveys/{id}/responses", surveyId)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(field))
                    .body("errors[0].message", containsString(reason));
            assertTrue(probe.collect(record -> record.value().contains(surveyId), Duration.ofSeconds(1)).isEmpty(),
                    "nothing of a refused request is kept");
        }
    }

    @Test
    void refusesANulCharacterInAnAnswer() {
        refused("""
                {"channel": "web", "answers": {"nps": 9, "reason": "ok\\u0000ok"}}""",
                "answers.reason", "U+0000");
    }

    @Test
    void refusesANulCharacterInAnIdentity() {
        refused("""
                {"channel": "web", "respondent": {"customerId": "C-1\\u0000"}, "answers": {"nps": 9}}""",
                "respondent.customerId", "U+0000");
    }

    @Test
    void refusesOtherControlCharactersButKeepsTabsAndNewLines() {
        refused("""
                {"channel": "web", "answers": {"nps": 9, "reason": "bell\\u0007"}}""",
                "answers.reason", "U+0007");
        given().contentType(ContentType.JSON)
                .body("""
                        {"channel": "web", "answers": {"nps": 9, "reason": "line one\\r\\n\\tline two"}}""")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(202);
    }

    @Test
    void refusesALoneSurrogate() {
        refused("""
                {"channel": "web", "answers": {"nps": 9, "reason": "half \\ud83d of an emoji"}}""",
                "answers.reason", "lone surrogate");
    }

    @Test
    void refusesAnIdentityLongerThanItsLimitInUtf8Bytes() {
        // 50 characters but 150 bytes: the limit counts what the stores count.
        refused("""
                {"channel": "web", "respondent": {"customerId": "%s"}, "answers": {"nps": 9}}"""
                .formatted("顧".repeat(50)), "respondent.customerId", "bytes in UTF-8");
    }

    @Test
    void refusesAnUnknownPropertyInsteadOfDroppingIt() {
        // A typo must not make a response silently anonymous.
        refused("""
                {"channel": "web", "respondant": {"email": "kenji@example.com"}, "answers": {"nps": 9}}""",
                "respondant", "not a known property");
        refused("""
                {"channel": "web", "respondent": {"emial": "kenji@example.com"}, "answers": {"nps": 9}}""",
                "respondent.emial", "not a known property");
    }

    @Test
    void refusesANulCharacterInASurveyDefinition() {
        given().contentType(ContentType.JSON).header("X-Hearken-Tenant", TestSurveys.TENANT)
                .body("""
                        {"name": "bad\\u0000name", "title": {"en": "t"}, "defaultLanguage": "en",
                         "questions": [{"id": "nps", "type": "NPS", "required": true, "text": {"en": "?"}}]}""")
                .when().post("/v1/surveys")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
    }
}
