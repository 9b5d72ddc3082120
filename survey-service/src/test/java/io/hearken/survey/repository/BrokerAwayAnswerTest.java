package io.hearken.survey.repository;

import io.hearken.survey.domain.Channel;
import io.hearken.survey.domain.CreateSurvey;
import io.hearken.survey.domain.IdempotencyKey;
import io.hearken.survey.domain.Question;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.Response;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyContent;
import io.hearken.testing.ReadinessDownContract;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * With the broker away a submission is not kept and the client is told so (503); the advice names the
 * Idempotency-Key only to a client that sent one, and tells one that did not how to make its retry safe.
 */
@QuarkusTest
@TestProfile(ReadinessDownContract.KafkaAway.class)
class BrokerAwayAnswerTest {

    @Inject
    ReactiveMongoDatabase database;

    /** The broker is away, so the survey cannot be created through the API: it is put in the store directly. */
    private String storedSurvey() {
        return storedPublishedSurvey().id();
    }

    private Survey storedPublishedSurvey() {
        SurveyContent content = SurveyContent.onePage(Map.of("en", "t"), "en",
                List.of(Question.simple("nps", QuestionType.NPS, true, Map.of("en", "?"))));
        Survey.Change published = Survey.create(new CreateSurvey("acme", "offline", content, true), Instant.now());
        Survey survey = published.survey();
        database.getCollection(SurveyRepository.COLLECTION)
                .insertOne(SurveyDocuments.toDocument(survey)).await().atMost(Duration.ofSeconds(10));
        database.getCollection(SurveyRepository.VERSIONS_COLLECTION)
                .insertOne(SurveyDocuments.toDocument(published.published().orElseThrow()))
                .await().atMost(Duration.ofSeconds(10));
        return survey;
    }

    /**
     * Saved progress is stored, and its completion's append fails: a retry of the completion must be appended again,
     * not taken for stored because the progress sits under the same id (the fault run found this losing a response).
     */
    @Test
    void aCompletionIsNotTakenForStoredWhenOnlyItsSavedProgressIs() {
        Survey survey = storedPublishedSurvey();
        String key = UUID.randomUUID().toString();
        Response progress = new Response(survey.responseIdFor(Optional.of(new IdempotencyKey(key))), survey.id(), 1,
                "acme", Channel.WEB, "en", null, null, null, List.of(), null, null, false, Instant.now(), null);
        database.getCollection(ResponseRepository.COLLECTION).insertOne(SurveyDocuments.toDocument(progress))
                .await().atMost(Duration.ofSeconds(10));
        database.getCollection(IdempotencyClaims.COLLECTION).insertOne(new Document("_id", progress.id())
                        .append("tenant", "acme").append("fingerprint", progress.contentFingerprint())
                        .append("submittedAt", new Date()).append("provisional", true))
                .await().atMost(Duration.ofSeconds(10));
        for (int attempt = 0; attempt < 2; attempt++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body("{\"channel\": \"web\", \"answers\": {\"nps\": 9}}")
                    .when().post("/v1/public/surveys/{id}/responses", survey.id())
                    .then().statusCode(503);
        }
    }

    @Test
    void theAdviceNamesTheKeyOnlyWhenTheClientSentOne() {
        String surveyId = storedSurvey();
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"channel\": \"web\", \"answers\": {\"nps\": 9}}")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("Retry with the same Idempotency-Key"));
        given().contentType(ContentType.JSON)
                .body("{\"channel\": \"web\", \"answers\": {\"nps\": 9}}")
                .when().post("/v1/public/surveys/{id}/responses", surveyId)
                .then().statusCode(503)
                .body("detail", not(containsString("same Idempotency-Key")))
                .body("detail", containsString("Send an Idempotency-Key"));
    }
}
