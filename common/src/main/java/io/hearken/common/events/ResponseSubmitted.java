package io.hearken.common.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Data of a {@code hearken.response.submitted.v1} CloudEvent: one respondent's answers to one survey, as accepted.
 *
 * <p>The answers carry their question type, so consumers (scores, profiles) need not look the survey up.
 * {@code responseId} is also the CloudEvent id: a retried submission with the same idempotency key produces the
 * same id, and every consumer applies an id once.
 */
public record ResponseSubmitted(
        String responseId,
        String surveyId,
        String tenant,
        String channel,
        String language,
        Respondent respondent,
        List<AnswerValue> answers,
        Instant submittedAt) {

    /** Who answered, as far as the channel knows; every field may be absent for anonymous feedback. */
    public record Respondent(String email, String phone, String customerId) {
    }

    /** One answer: {@code score} for scale questions (NPS, CSAT, CES, rating), {@code text} for free text. */
    public record AnswerValue(String questionId, String type, Integer score, String text) {
    }

    /**
     * Why this event cannot be applied, or empty if it can. Consumers dead-letter an invalid event instead of
     * retrying it for ever: retrying cannot make it valid, and it would hold up every event behind it.
     */
    public Optional<String> invalidity() {
        if (responseId == null || responseId.isBlank()) {
            return Optional.of("no responseId");
        }
        if (surveyId == null || tenant == null || tenant.isBlank()) {
            return Optional.of("no surveyId or tenant");
        }
        if (answers != null) {
            for (AnswerValue answer : answers) {
                if ("NPS".equals(answer.type()) && answer.score() != null
                        && (answer.score() < 0 || answer.score() > 10)) {
                    return Optional.of("NPS score " + answer.score() + " outside 0-10");
                }
            }
        }
        return Optional.empty();
    }

    /** The same response, received at another time (a retry keeps the time of the first submission). */
    public ResponseSubmitted withSubmittedAt(Instant at) {
        return new ResponseSubmitted(responseId, surveyId, tenant, channel, language, respondent, answers, at);
    }

    /** The NPS answer's score, if the response has one. */
    public Integer npsScore() {
        if (answers == null) {
            return null;
        }
        return answers.stream()
                .filter(answer -> "NPS".equals(answer.type()) && answer.score() != null)
                .map(AnswerValue::score)
                .findFirst()
                .orElse(null);
    }
}
