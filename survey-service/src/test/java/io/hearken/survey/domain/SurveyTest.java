package io.hearken.survey.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a survey takes as a response, and what a new survey must have. */
class SurveyTest {

    private static final Survey SURVEY = new Survey("s1", "acme", "NPS", Map.of("en", "NPS"), "en",
            List.of(new Question("nps", QuestionType.NPS, true, Map.of("en", "Recommend?")),
                    new Question("effort", QuestionType.CES, false, Map.of("en", "Easy?")),
                    new Question("why", QuestionType.TEXT, false, Map.of("en", "Why?"))),
            SurveyStatus.ACTIVE, 1, Instant.EPOCH, Instant.EPOCH);

    private static SubmitResponse submission(String channel, Map<String, Object> answers) {
        return new SubmitResponse("s1", Optional.empty(), channel, null, null, answers);
    }

    private static SubmitResponse keyed(String key, String channel, Map<String, Object> answers) {
        return new SubmitResponse("s1", Optional.of(new IdempotencyKey(key)), channel, null,
                new Respondent(" Mika@Example.com ", null, null), answers);
    }

    @Test
    void acceptsBoundaryScoresOfEachScaleAndFallsBackToTheDefaultLanguage() {
        Response zero = SURVEY.respond(submission("kiosk", Map.of("nps", 0, "effort", 7)), Instant.now());
        Response ten = SURVEY.respond(submission("call-centre", Map.of("nps", 10, "effort", 1)), Instant.now());
        assertTrue(zero.answers().contains(new Answer("nps", QuestionType.NPS, 0, null)));
        assertTrue(ten.answers().contains(new Answer("effort", QuestionType.CES, 1, null)));
        assertEquals(Channel.CALL_CENTRE, ten.channel());
        assertEquals("en", ten.language());
    }

    @Test
    void namesEveryFieldAtFault() {
        RuleViolation violation = assertThrows(RuleViolation.class, () -> SURVEY.respond(
                submission("fax", Map.of("effort", 8, "color", "blue")), Instant.now()));
        assertEquals(List.of("answers.color", "answers.effort", "answers.nps", "channel"),
                violation.violations().stream().map(FieldViolation::field).sorted().toList());
    }

    @Test
    void skipsNullOptionalAnswersAndNormalisesTheEmail() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("nps", 6);
        answers.put("why", null);
        Response response = SURVEY.respond(keyed("key-0123456789abcdef", "email", answers), Instant.now());
        assertEquals(1, response.answers().size());
        assertEquals("mika@example.com", response.respondent().email());
    }

    @Test
    void aClosedSurveyTakesNoResponses() {
        Survey closed = new Survey("s2", "acme", "x", Map.of("en", "x"), "en", SURVEY.questions(),
                SurveyStatus.CLOSED, 2, Instant.EPOCH, Instant.EPOCH);
        RuleViolation violation = assertThrows(RuleViolation.class, () -> closed.respond(
                submission("web", Map.of("nps", 5)), Instant.now()));
        assertTrue(violation.conflict());
    }

    @Test
    void theSameContentHasOneFingerprintWhateverTheOrderOfItsAnswers() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("nps", 7);
        ordered.put("why", "ok");
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("why", "ok");
        reversed.put("nps", 7);
        String key = "key-0123456789abcdef";
        Response first = SURVEY.respond(keyed(key, "web", ordered), Instant.now());
        Response retry = SURVEY.respond(keyed(key, "web", reversed), Instant.now());
        assertEquals(first.contentFingerprint(), retry.contentFingerprint());
        assertEquals(first.id(), retry.id(), "one key, one response id");
        assertNotEquals(first.contentFingerprint(),
                SURVEY.respond(keyed(key, "web", Map.of("nps", 8)), Instant.now()).contentFingerprint());
        assertNotEquals(first.contentFingerprint(),
                SURVEY.respond(keyed(key, "sms", ordered), Instant.now()).contentFingerprint());
    }

    @Test
    void anIdempotencyKeyFixesTheResponseIdPerSurvey() {
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("key-0123456789abcdef"));
        Survey other = new Survey("s3", "acme", "x", Map.of("en", "x"), "en", SURVEY.questions(),
                SurveyStatus.ACTIVE, 1, Instant.EPOCH, Instant.EPOCH);
        assertEquals(SURVEY.responseIdFor(key), SURVEY.responseIdFor(key));
        assertNotEquals(SURVEY.responseIdFor(key), other.responseIdFor(key));
        assertNotEquals(SURVEY.responseIdFor(Optional.empty()), SURVEY.responseIdFor(Optional.empty()));
    }

    @Test
    void aNewSurveyNeedsItsTextsInTheDefaultLanguageAndDistinctQuestionIds() {
        CreateSurvey command = new CreateSurvey("acme", "x", Map.of("ja", "タイトル"), "en", List.of(
                new Question("q", QuestionType.NPS, true, Map.of("en", "?")),
                new Question("q", QuestionType.TEXT, false, Map.of("ja", "?"))));
        RuleViolation violation = assertThrows(RuleViolation.class, () -> Survey.create(command, Instant.now()));
        assertEquals(List.of("questions[1].id", "questions[1].text", "title"),
                violation.violations().stream().map(FieldViolation::field).sorted().toList());
        Survey created = Survey.create(new CreateSurvey("acme", "x", Map.of("en", "t"), null,
                List.of(new Question("q", QuestionType.NPS, true, Map.of("en", "?")))), Instant.now());
        assertEquals(SurveyStatus.ACTIVE, created.status());
        assertEquals("en", created.defaultLanguage());
        assertEquals(1, created.version());
    }

    @Test
    void eachQuestionTypeJudgesItsOwnAnswers() {
        assertNull(QuestionType.CSAT.problemWith(5));
        assertEquals("must be from 1 to 5, was 6", QuestionType.CSAT.problemWith(6));
        assertEquals("must be a whole number from 0 to 10", QuestionType.NPS.problemWith(9.5));
        assertEquals("must be a whole number from 1 to 7", QuestionType.CES.problemWith("7"));
        assertNull(QuestionType.TEXT.problemWith("fine"));
        assertEquals("must be text", QuestionType.TEXT.problemWith(3));
        assertEquals("must be at most 5000 characters", QuestionType.TEXT.problemWith("x".repeat(5001)));
        assertEquals(new Answer("why", QuestionType.TEXT, null, "fine"), QuestionType.TEXT.answer("why", "fine"));
        assertEquals(new Answer("nps", QuestionType.NPS, 9, null), QuestionType.NPS.answer("nps", 9L));
        assertThrows(IllegalArgumentException.class, () -> QuestionType.NPS.answer("nps", 11));
    }
}
