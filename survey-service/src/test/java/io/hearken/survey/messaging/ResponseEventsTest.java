package io.hearken.survey.messaging;

import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.survey.domain.Answer;
import io.hearken.survey.domain.Channel;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.Respondent;
import io.hearken.survey.domain.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response contract: every kind of answer survives the round trip through a v2 event, and a v1 record (written
 * before answers were typed) still reads, completed to the v2 shape.
 */
class ResponseEventsTest {

    private static final Response RESPONSE = new Response("r1", "s1", 3, "acme", Channel.CALL_CENTRE, "ja",
            "support-call", "support", new Respondent("mika@example.com", "+819012345678", "C-1", true),
            List.of(new Answer("nps", QuestionType.NPS, 9, 0, 10, null, null, null, null, null, null),
                    new Answer("stars", QuestionType.RATING, 4, 1, 5, null, null, null, null, null, null),
                    new Answer("why", QuestionType.TEXT, null, null, null, "速い", null, null, null, null, null),
                    new Answer("liked", QuestionType.MULTIPLE_CHOICE, null, null, null, null,
                            List.of("speed", "other"), "丁寧", null, null, null),
                    new Answer("rank", QuestionType.RANKING, null, null, null, null, List.of("b", "a"), null, null,
                            null, null),
                    new Answer("grid", QuestionType.MATRIX, null, 1, 5, null, null, null, Map.of("speed", 4), null,
                            null),
                    new Answer("visit", QuestionType.DATE, null, null, null, null, null, null, null,
                            LocalDate.of(2026, 11, 1), null),
                    new Answer("ok", QuestionType.CONSENT, null, null, null, "連絡してよい", null, null, null, null,
                            true),
                    new Answer("order", QuestionType.HIDDEN, null, null, null, "ORD-1", null, null, null, null,
                            null)),
            Map.of("conversationId", "c-42"), "inv-1", true, Instant.parse("2026-11-26T10:00:00.123Z"), null);

    @Test
    void everyKindOfAnswerSurvivesTheRoundTripThroughItsEvent() {
        ResponseSubmitted event = ResponseEvents.toEvent(RESPONSE);
        assertEquals("call-centre", event.channel());
        assertEquals(3, event.surveyVersion());
        assertEquals("2026-11-01", event.answers().get(6).date());
        assertTrue(event.invalidity().isEmpty());
        assertEquals(RESPONSE, ResponseEvents.fromEvent(event));
    }

    @Test
    void aVersion1RecordReadsAsVersion2WithTheScaleOfItsType() {
        String written = """
                {"responseId": "r0", "surveyId": "s0", "tenant": "acme", "channel": "web", "language": "en",
                 "answers": [{"questionId": "nps", "type": "NPS", "score": 7},
                             {"questionId": "effort", "type": "CES", "score": 2},
                             {"questionId": "why", "type": "TEXT", "text": "ok"}],
                 "submittedAt": "2026-10-01T09:00:00Z"}
                """;
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("hearken.responses", 0, 0, null,
                written.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "hearken.response.submitted.v1".getBytes(StandardCharsets.UTF_8));
        ResponseSubmitted event = EventRecords.readResponse(record);
        assertEquals(1, event.surveyVersion());
        assertEquals(Boolean.TRUE, event.completed());
        assertEquals(10, event.answers().get(0).scaleMax());
        assertEquals(1, event.answers().get(1).scaleMin());
        assertEquals(7, event.answers().get(1).scaleMax());
        Response response = ResponseEvents.fromEvent(event);
        assertEquals(7, response.answers().get(0).score());
        assertEquals("ok", response.answers().get(2).text());
    }

    @Test
    void aScoreOutsideTheScaleItNamesBreaksTheContract() {
        ResponseSubmitted event = ResponseEvents.toEvent(RESPONSE);
        ResponseSubmitted outside = new ResponseSubmitted(event.responseId(), event.surveyId(), 3, "acme", "web",
                "en", null, null, null, List.of(new ResponseSubmitted.AnswerValue("stars", "RATING", 6, 1, 5, null,
                null, null, null, null, null)), null, null, true, event.submittedAt());
        assertTrue(outside.invalidity().orElseThrow().contains("outside its scale"));
    }

    @Test
    void anEventNamingAnUnknownChannelTypeOrDateCanNeverBeProjected() {
        ResponseSubmitted event = ResponseEvents.toEvent(RESPONSE);
        ResponseSubmitted fax = new ResponseSubmitted(event.responseId(), event.surveyId(), 3, event.tenant(), "fax",
                event.language(), null, null, event.respondent(), event.answers(), null, null, true,
                event.submittedAt());
        assertThrows(PermanentEventFailure.class, () -> ResponseEvents.fromEvent(fax));
        ResponseSubmitted hologram = new ResponseSubmitted(event.responseId(), event.surveyId(), 3, event.tenant(),
                "web", "en", null, null, null, List.of(new ResponseSubmitted.AnswerValue("q", "HOLOGRAM", 1, 0, 1,
                null, null, null, null, null, null)), null, null, true, event.submittedAt());
        assertThrows(PermanentEventFailure.class, () -> ResponseEvents.fromEvent(hologram));
        ResponseSubmitted badDate = new ResponseSubmitted(event.responseId(), event.surveyId(), 3, event.tenant(),
                "web", "en", null, null, null, List.of(new ResponseSubmitted.AnswerValue("d", "DATE", null, null,
                null, null, null, null, null, "yesterday", null)), null, null, true, event.submittedAt());
        assertThrows(PermanentEventFailure.class, () -> ResponseEvents.fromEvent(badDate));
    }
}
