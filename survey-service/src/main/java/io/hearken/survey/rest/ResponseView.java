package io.hearken.survey.rest;

import io.hearken.survey.domain.Answer;
import io.hearken.survey.domain.Response;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A stored response as the administration API shows it; {@code erasure} is set when the respondent was erased (their
 * identities, words and context are gone) and null otherwise.
 */
public record ResponseView(String responseId, String surveyId, int surveyVersion, String tenant, String channel,
                           String language, String touchpoint, String journeyStage, RespondentView respondent,
                           List<AnswerView> answers, Map<String, String> context, String invitationId,
                           boolean completed, Instant submittedAt, ErasureView erasure) {

    /** Who answered, as far as the channel knew; {@code verified} when it came from a signed invitation. */
    public record RespondentView(String email, String phone, String customerId, boolean verified) {
    }

    /** One answer, typed by its question's kind (see the API document for which fields each kind sets). */
    public record AnswerView(String questionId, String type, Integer score, Integer scaleMin, Integer scaleMax,
                             String text, List<String> choices, String otherText, Map<String, Integer> rows,
                             LocalDate date, Boolean consent) {

        static AnswerView of(Answer answer) {
            return new AnswerView(answer.questionId(), answer.type().name(), answer.score(), answer.scaleMin(),
                    answer.scaleMax(), answer.text(), answer.choices(), answer.otherText(), answer.rows(),
                    answer.date(), answer.consent());
        }
    }

    static ResponseView of(Response response) {
        return new ResponseView(response.id(), response.surveyId(), response.surveyVersion(), response.tenant(),
                response.channel().wireName(), response.language(), response.touchpoint(), response.journeyStage(),
                response.respondent() == null ? null : new RespondentView(response.respondent().email(),
                        response.respondent().phone(), response.respondent().customerId(),
                        response.respondent().verified()),
                response.answers().stream().map(AnswerView::of).toList(), response.context(),
                response.invitationId(), response.completed(), response.submittedAt(),
                ErasureView.of(response.anonymisation()));
    }
}
