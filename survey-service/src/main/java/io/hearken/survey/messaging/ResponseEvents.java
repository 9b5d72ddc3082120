package io.hearken.survey.messaging;

import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.survey.domain.Answer;
import io.hearken.survey.domain.Channel;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.Respondent;
import io.hearken.survey.domain.Response;

import java.util.Arrays;
import java.util.List;

/** Maps a domain {@link Response} to the {@code hearken.response.submitted.v1} contract and back. */
final class ResponseEvents {

    private ResponseEvents() {
    }

    static ResponseSubmitted toEvent(Response response) {
        Respondent respondent = response.respondent();
        return new ResponseSubmitted(response.id(), response.surveyId(), response.tenant(),
                response.channel().wireName(), response.language(),
                respondent == null ? null : new ResponseSubmitted.Respondent(respondent.email(), respondent.phone(),
                        respondent.customerId()),
                response.answers().stream().map(answer -> new ResponseSubmitted.AnswerValue(answer.questionId(),
                        answer.type().name(), answer.score(), answer.text())).toList(),
                response.submittedAt());
    }

    /** The response an event carries; an event naming a channel or question type we do not know is refused. */
    static Response fromEvent(ResponseSubmitted event) {
        Channel channel = Channel.fromWireName(event.channel()).orElseThrow(() ->
                new PermanentEventFailure("response " + event.responseId() + " names an unknown channel '"
                        + event.channel() + "'"));
        ResponseSubmitted.Respondent respondent = event.respondent();
        return new Response(event.responseId(), event.surveyId(), event.tenant(), channel, event.language(),
                respondent == null ? null : new Respondent(respondent.email(), respondent.phone(),
                        respondent.customerId()),
                event.answers() == null ? List.of() : event.answers().stream()
                        .map(answer -> new Answer(answer.questionId(), questionType(event, answer.type()),
                                answer.score(), answer.text()))
                        .toList(),
                event.submittedAt());
    }

    private static QuestionType questionType(ResponseSubmitted event, String type) {
        return Arrays.stream(QuestionType.values()).filter(known -> known.name().equals(type)).findFirst()
                .orElseThrow(() -> new PermanentEventFailure("response " + event.responseId()
                        + " has an answer of unknown type '" + type + "'"));
    }
}
