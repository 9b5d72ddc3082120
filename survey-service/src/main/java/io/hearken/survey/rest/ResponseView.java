package io.hearken.survey.rest;

import io.hearken.survey.domain.Response;

import java.time.Instant;
import java.util.List;

/** A stored response as the administration API shows it. */
public record ResponseView(String responseId, String surveyId, String tenant, String channel, String language,
                           RespondentView respondent, List<AnswerView> answers, Instant submittedAt) {

    /** Who answered, as far as the channel knew. */
    public record RespondentView(String email, String phone, String customerId) {
    }

    /** One answer: {@code score} for scale questions, {@code text} for free text. */
    public record AnswerView(String questionId, String type, Integer score, String text) {
    }

    static ResponseView of(Response response) {
        return new ResponseView(response.id(), response.surveyId(), response.tenant(),
                response.channel().wireName(), response.language(),
                response.respondent() == null ? null : new RespondentView(response.respondent().email(),
                        response.respondent().phone(), response.respondent().customerId()),
                response.answers().stream().map(answer -> new AnswerView(answer.questionId(), answer.type().name(),
                        answer.score(), answer.text())).toList(),
                response.submittedAt());
    }
}
