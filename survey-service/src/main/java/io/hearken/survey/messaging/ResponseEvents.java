package io.hearken.survey.messaging;

import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.survey.domain.Answer;
import io.hearken.survey.domain.Channel;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.Respondent;
import io.hearken.survey.domain.Response;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Maps a domain {@link Response} to the {@code hearken.response.submitted.v2} contract and back. */
final class ResponseEvents {

    private ResponseEvents() {
    }

    static ResponseSubmitted toEvent(Response response) {
        Respondent respondent = response.respondent();
        return new ResponseSubmitted(response.id(), response.surveyId(), response.surveyVersion(), response.tenant(),
                response.channel().wireName(), response.language(), response.touchpoint(), response.journeyStage(),
                respondent == null ? null : new ResponseSubmitted.Respondent(respondent.email(), respondent.phone(),
                        respondent.customerId(), respondent.verified()),
                response.answers().stream().map(ResponseEvents::toEvent).toList(), response.context(),
                response.invitationId(), response.completed(), response.submittedAt());
    }

    private static ResponseSubmitted.AnswerValue toEvent(Answer answer) {
        return new ResponseSubmitted.AnswerValue(answer.questionId(), answer.type().name(), answer.score(),
                answer.scaleMin(), answer.scaleMax(), answer.text(), answer.choices(), answer.otherText(),
                answer.rows(), answer.date() == null ? null : answer.date().toString(), answer.consent());
    }

    /** The response an event carries; an event naming a channel or question type we do not know is refused. */
    static Response fromEvent(ResponseSubmitted event) {
        Channel channel = Channel.fromWireName(event.channel()).orElseThrow(() ->
                new PermanentEventFailure("response " + event.responseId() + " names an unknown channel '"
                        + event.channel() + "'"));
        ResponseSubmitted.Respondent respondent = event.respondent();
        return new Response(event.responseId(), event.surveyId(),
                event.surveyVersion() == null ? 1 : event.surveyVersion(), event.tenant(), channel, event.language(),
                event.touchpoint(), event.journeyStage(),
                respondent == null ? null : new Respondent(respondent.email(), respondent.phone(),
                        respondent.customerId(), Boolean.TRUE.equals(respondent.verified())),
                event.answers() == null ? List.of() : event.answers().stream()
                        .map(answer -> fromEvent(event, answer))
                        .toList(),
                event.context(), event.invitationId(), event.isComplete(), event.submittedAt(), null);
    }

    private static Answer fromEvent(ResponseSubmitted event, ResponseSubmitted.AnswerValue answer) {
        QuestionType type = QuestionType.named(answer.type()).orElseThrow(() -> new PermanentEventFailure(
                "response " + event.responseId() + " has an answer of unknown type '" + answer.type() + "'"));
        return new Answer(answer.questionId(), type, answer.score(), answer.scaleMin(), answer.scaleMax(),
                answer.text(), answer.choices(), answer.otherText(), answer.rows(), date(event, answer),
                answer.consent());
    }

    private static LocalDate date(ResponseSubmitted event, ResponseSubmitted.AnswerValue answer) {
        if (answer.date() == null) {
            return null;
        }
        try {
            return LocalDate.parse(answer.date());
        } catch (DateTimeParseException e) {
            throw new PermanentEventFailure("response " + event.responseId() + " has an unreadable date '"
                    + answer.date() + "'", e);
        }
    }
}
