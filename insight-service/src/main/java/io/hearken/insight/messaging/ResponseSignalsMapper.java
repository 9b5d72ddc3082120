package io.hearken.insight.messaging;

import io.hearken.common.events.ResponseSubmitted;
import io.hearken.insight.domain.ResponseSignals;
import io.hearken.insight.domain.ScoreScale;

import java.util.ArrayList;
import java.util.List;

/**
 * From a complete response event to what the per-response alert rules look at: the NPS answer, the CSAT answers,
 * the texts (TEXT answers and the "other" text of choice questions), and the sentiment, which text analytics is to
 * supply ({@link #sentimentOf}).
 */
final class ResponseSignalsMapper {

    private ResponseSignalsMapper() {
    }

    static ResponseSignals from(ResponseSubmitted event) {
        Integer nps = null;
        List<Integer> csat = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (ResponseSubmitted.AnswerValue answer : event.answers() == null
                ? List.<ResponseSubmitted.AnswerValue>of() : event.answers()) {
            Integer score = answer.score();
            // A scale answer is read on its standard scale only; a survey that asked NPS as 1..5 has no NPS to judge.
            if ("NPS".equals(answer.type()) && nps == null && onScale(answer, ScoreScale.NPS)) {
                nps = score;
            } else if ("CSAT".equals(answer.type()) && onScale(answer, ScoreScale.CSAT)) {
                csat.add(score);
            } else if ("TEXT".equals(answer.type()) && answer.text() != null) {
                texts.add(answer.text());
            }
            if (answer.otherText() != null) {
                texts.add(answer.otherText());
            }
        }
        String customerId = event.respondent() == null ? null : event.respondent().customerId();
        // The response event carries no profile id: profiles are resolved by profile-service, not here.
        return new ResponseSignals(event.tenant(), event.responseId(), event.responseId(), event.surveyId(), null,
                customerId, event.channel(), event.submittedAt(), nps, csat, sentimentOf(event), texts);
    }

    /**
     * The sentiment of the response's texts, −1..1, or null when unknown. Always null for now: text analytics (being
     * built) will compute it, and this is where its result goes in, after which NEGATIVE_SENTIMENT rules fire.
     */
    static Double sentimentOf(ResponseSubmitted event) {
        return null;
    }

    private static boolean onScale(ResponseSubmitted.AnswerValue answer, ScoreScale scale) {
        return answer.score() != null && scale.contains(answer.score())
                && (answer.scaleMin() == null || answer.scaleMin() == scale.min())
                && (answer.scaleMax() == null || answer.scaleMax() == scale.max());
    }
}
