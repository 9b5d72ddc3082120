package io.hearken.survey.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hearken.survey.domain.Question;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The survey definition event has its own record, and still reads the events written before it had one. */
class SurveyPublishedTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private static final Survey SURVEY = new Survey("s1", "acme", "NPS", Map.of("en", "Tell us", "ja", "ご意見"), "en",
            List.of(new Question("nps", QuestionType.NPS, true, Map.of("en", "Recommend?"))), SurveyStatus.ACTIVE, 3,
            Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-21T10:00:00Z"));

    @Test
    void aSurveySurvivesTheRoundTripThroughItsEvent() throws Exception {
        String json = JSON.writeValueAsString(SurveyPublished.of(SURVEY));
        assertEquals(SURVEY, JSON.readValue(json, SurveyPublished.class).toSurvey());
    }

    @Test
    void anEventWrittenFromTheDomainSurveyBeforeTheRecordExistedStillReads() throws Exception {
        // What survey-service appended until now: the domain Survey itself, serialized.
        String written = JSON.writeValueAsString(SURVEY);
        assertEquals(SURVEY, JSON.readValue(written, SurveyPublished.class).toSurvey());
    }
}
