package io.hearken.common.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data of a {@code hearken.response.submitted.v2} CloudEvent: one respondent's answers to one version of a survey,
 * as accepted. Records of {@code hearken.response.submitted.v1} (before typed answers) are read into this record by
 * {@link EventRecords#readResponse} and completed by {@link #fromVersion1()}, so a consumer sees one shape.
 *
 * <p>The answers carry their question type and, for scales, the scale's bounds, so consumers (scores, profiles) need
 * not look the survey up. {@code responseId} is also the CloudEvent id: a retried submission with the same
 * idempotency key produces the same id, and every consumer applies an id once.
 */
public record ResponseSubmitted(
        String responseId,
        String surveyId,
        Integer surveyVersion,
        String tenant,
        String channel,
        String language,
        String touchpoint,
        String journeyStage,
        Respondent respondent,
        List<AnswerValue> answers,
        Map<String, String> context,
        String invitationId,
        Boolean completed,
        Instant submittedAt) {

    /**
     * Who answered, as far as the channel knows; every field may be absent for anonymous feedback. {@code verified}
     * is true when the identities come from a signed invitation, not from what the respondent typed.
     */
    public record Respondent(String email, String phone, String customerId, Boolean verified) {
    }

    /**
     * One answer, typed by {@code type}: scales (NPS, CSAT, CES, RATING) set {@code score} with {@code scaleMin}
     * and {@code scaleMax}; TEXT and HIDDEN set {@code text}; SINGLE_CHOICE, MULTIPLE_CHOICE and RANKING set
     * {@code choices} (option ids, in the respondent's order for a ranking) and {@code otherText}; MATRIX sets
     * {@code rows} (row id to score) with the scale's bounds; DATE sets {@code date} (yyyy-mm-dd); CONSENT sets
     * {@code consent} and, in {@code text}, the wording agreed to.
     */
    public record AnswerValue(String questionId, String type, Integer score, Integer scaleMin, Integer scaleMax,
                              String text, List<String> choices, String otherText, Map<String, Integer> rows,
                              String date, Boolean consent) {

        /** A v1 answer: only NPS, CSAT, CES (fixed scales) and TEXT existed; the scale follows from the type. */
        AnswerValue fromVersion1() {
            return switch (type == null ? "" : type) {
                case "NPS" -> withScale(0, 10);
                case "CSAT" -> withScale(1, 5);
                case "CES" -> withScale(1, 7);
                default -> this;
            };
        }

        private AnswerValue withScale(int min, int max) {
            return new AnswerValue(questionId, type, score, min, max, text, choices, otherText, rows, date, consent);
        }
    }

    /**
     * A v1 event in this shape: v1 answered the survey's only version (1), was always complete, and its scale
     * answers had the fixed NPS, CSAT and CES ranges.
     */
    public ResponseSubmitted fromVersion1() {
        return new ResponseSubmitted(responseId, surveyId, surveyVersion == null ? 1 : surveyVersion, tenant, channel,
                language, touchpoint, journeyStage, respondent,
                answers == null ? null : answers.stream().map(AnswerValue::fromVersion1).toList(), context,
                invitationId, completed == null ? Boolean.TRUE : completed, submittedAt);
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
                if (answer == null || answer.questionId() == null || answer.type() == null) {
                    return Optional.of("an answer without questionId or type");
                }
                if (answer.score() != null && (answer.scaleMin() == null || answer.scaleMax() == null
                        || answer.score() < answer.scaleMin() || answer.score() > answer.scaleMax())) {
                    return Optional.of(answer.type() + " score " + answer.score() + " outside its scale "
                            + answer.scaleMin() + "-" + answer.scaleMax());
                }
            }
        }
        return Optional.empty();
    }

    /** The same response, received at another time (a retry keeps the time of the first submission). */
    public ResponseSubmitted withSubmittedAt(Instant at) {
        return new ResponseSubmitted(responseId, surveyId, surveyVersion, tenant, channel, language, touchpoint,
                journeyStage, respondent, answers, context, invitationId, completed, at);
    }

    /**
     * Whether the respondent finished: a partial response (saved progress, {@code completed: false}) is followed by
     * the complete one under the same id, which is the one scores and timelines count.
     */
    public boolean isComplete() {
        return !Boolean.FALSE.equals(completed);
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
