package io.hearken.survey.messaging;

import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.survey.domain.Answer;
import io.hearken.survey.domain.Channel;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.Respondent;
import io.hearken.survey.domain.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The response event contract and the domain response map onto each other without loss. */
class ResponseEventsTest {

    private static final Response RESPONSE = new Response("r1", "s1", "acme", Channel.CALL_CENTRE, "ja",
            new Respondent("mika@example.com", "+819012345678", "C-1"),
            List.of(new Answer("nps", QuestionType.NPS, 9, null), new Answer("why", QuestionType.TEXT, null, "速い")),
            Instant.parse("2026-11-26T10:00:00.123Z"));

    @Test
    void aResponseSurvivesTheRoundTripThroughItsEvent() {
        ResponseSubmitted event = ResponseEvents.toEvent(RESPONSE);
        assertEquals("call-centre", event.channel());
        assertEquals("NPS", event.answers().get(0).type());
        assertEquals(RESPONSE, ResponseEvents.fromEvent(event));
    }

    @Test
    void anEventNamingAnUnknownChannelOrTypeCanNeverBeProjected() {
        ResponseSubmitted event = ResponseEvents.toEvent(RESPONSE);
        ResponseSubmitted fax = new ResponseSubmitted(event.responseId(), event.surveyId(), event.tenant(), "fax",
                event.language(), event.respondent(), event.answers(), event.submittedAt());
        assertThrows(PermanentEventFailure.class, () -> ResponseEvents.fromEvent(fax));
        ResponseSubmitted unknownType = new ResponseSubmitted(event.responseId(), event.surveyId(), event.tenant(),
                event.channel(), event.language(), event.respondent(),
                List.of(new ResponseSubmitted.AnswerValue("q", "HOLOGRAM", 1, null)), event.submittedAt());
        assertThrows(PermanentEventFailure.class, () -> ResponseEvents.fromEvent(unknownType));
    }
}
