package io.hearken.survey.service;

import io.hearken.common.events.ResponseSubmitted;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.Question;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyStatus;
import io.hearken.survey.rest.SubmitResponseRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResponseServiceTest {

    private static final Survey SURVEY = new Survey("s1", "acme", "NPS", Map.of("en", "NPS"), "en",
            List.of(new Question("nps", QuestionType.NPS, true, Map.of("en", "Recommend?")),
                    new Question("effort", QuestionType.CES, false, Map.of("en", "Easy?")),
                    new Question("why", QuestionType.TEXT, false, Map.of("en", "Why?"))),
            SurveyStatus.ACTIVE, 1, Instant.EPOCH, Instant.EPOCH);

    private static SubmitResponseRequest request(String channel, Map<String, Object> answers) {
        return new SubmitResponseRequest(channel, null, null, answers);
    }

    @Test
    void acceptsBoundaryScoresOfEachScale() {
        ResponseSubmitted zero = ResponseService.accept(SURVEY, null,
                request("kiosk", Map.of("nps", 0, "effort", 7)), Instant.now());
        ResponseSubmitted ten = ResponseService.accept(SURVEY, null,
                request("call-centre", Map.of("nps", 10, "effort", 1)), Instant.now());
        assertEquals(0, zero.npsScore());
        assertEquals(10, ten.npsScore());
        assertEquals("call-centre", ten.channel());
        assertEquals("en", ten.language(), "falls back to the survey's default language");
    }

    @Test
    void rejectsCesOutsideItsScale() {
        ProblemException problem = assertThrows(ProblemException.class, () -> ResponseService.accept(SURVEY, null,
                request("web", Map.of("nps", 5, "effort", 8)), Instant.now()));
        assertEquals("answers.effort", problem.errors().get(0).field());
    }

    @Test
    void skipsNullOptionalAnswers() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("nps", 6);
        answers.put("why", null);
        ResponseSubmitted response = ResponseService.accept(SURVEY, null, request("email", answers), Instant.now());
        assertEquals(1, response.answers().size());
    }

    @Test
    void closedSurveyTakesNoResponses() {
        Survey closed = new Survey("s2", "acme", "x", Map.of("en", "x"), "en", SURVEY.questions(),
                SurveyStatus.CLOSED, 2, Instant.EPOCH, Instant.EPOCH);
        ProblemException problem = assertThrows(ProblemException.class, () -> ResponseService.accept(closed, null,
                request("web", Map.of("nps", 5)), Instant.now()));
        assertEquals(409, problem.status());
    }

    @Test
    void sameSubmissionMatchesWhateverTheOrderOfItsAnswers() {
        Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        ordered.put("nps", 7);
        ordered.put("why", "ok");
        Map<String, Object> reversed = new java.util.LinkedHashMap<>();
        reversed.put("why", "ok");
        reversed.put("nps", 7);
        ResponseSubmitted first = ResponseService.accept(SURVEY, "k", request("web", ordered), Instant.now());
        ResponseSubmitted retry = ResponseService.accept(SURVEY, "k", request("web", reversed), Instant.now());
        assertEquals(ResponseService.fingerprint(first), ResponseService.fingerprint(retry));

        ResponseSubmitted other = ResponseService.accept(SURVEY, "k", request("web", Map.of("nps", 8)), Instant.now());
        assertNotEquals(ResponseService.fingerprint(first), ResponseService.fingerprint(other));
        ResponseSubmitted otherChannel = ResponseService.accept(SURVEY, "k", request("sms", ordered), Instant.now());
        assertNotEquals(ResponseService.fingerprint(first), ResponseService.fingerprint(otherChannel));
    }

    @Test
    void idempotencyKeyFixesTheResponseIdPerSurvey() {
        assertEquals(ResponseService.responseId(SURVEY, "k-1"), ResponseService.responseId(SURVEY, "k-1"));
        Survey other = new Survey("s3", "acme", "x", Map.of("en", "x"), "en", SURVEY.questions(),
                SurveyStatus.ACTIVE, 1, Instant.EPOCH, Instant.EPOCH);
        assertNotEquals(ResponseService.responseId(SURVEY, "k-1"), ResponseService.responseId(other, "k-1"));
        assertNotEquals(ResponseService.responseId(SURVEY, null), ResponseService.responseId(SURVEY, null));
    }
}
