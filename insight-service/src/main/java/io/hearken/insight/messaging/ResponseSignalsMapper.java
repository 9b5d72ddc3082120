package io.hearken.insight.messaging;

import io.hearken.common.events.FeedbackReceived;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.insight.domain.Respondent;
import io.hearken.insight.domain.ResponseSignals;
import io.hearken.insight.domain.ScoreScale;
import io.hearken.insight.service.TextAnalysisService;

import java.util.ArrayList;
import java.util.List;

/**
 * From a complete response event, or a feedback event, to what the per-response alert rules look at: the NPS answer,
 * the CSAT answers, the texts (TEXT answers and the "other" text of choice questions; a feedback item's text) and
 * their sentiment ({@link #sentimentOf}).
 */
final class ResponseSignalsMapper {

    private ResponseSignalsMapper() {
    }

    static ResponseSignals from(ResponseSubmitted event, TextAnalysisService analyser) {
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
        ResponseSubmitted.Respondent named = event.respondent();
        Respondent respondent = named == null ? Respondent.NOBODY : new Respondent(named.customerId(), named.email(),
                named.phone(), Boolean.TRUE.equals(named.verified()));
        // The response event carries no profile id: profiles are resolved by profile-service, not here.
        return new ResponseSignals(event.tenant(), event.responseId(), event.responseId(), event.surveyId(), null,
                respondent.customerId(), event.channel(), event.submittedAt(), nps, csat,
                sentimentOf(texts, event.language(), analyser), texts, respondent);
    }

    /** A feedback item: no survey, no scores; its source is its channel, its text the one text. */
    static ResponseSignals from(FeedbackReceived feedback, TextAnalysisService analyser) {
        List<String> texts = feedback.text() == null || feedback.text().isBlank() ? List.of()
                : List.of(feedback.text());
        return new ResponseSignals(feedback.tenant(), feedback.feedbackId(), feedback.feedbackId(), null, null, null,
                feedback.source(), feedback.postedAt(), null, List.of(),
                sentimentOf(texts, feedback.language(), analyser), texts, Respondent.NOBODY);
    }

    /**
     * The sentiment of the texts, −1..1: the most negative one's, since one angry comment among polite ones is what
     * a negative-sentiment rule is there to catch; null without texts.
     */
    static Double sentimentOf(List<String> texts, String language, TextAnalysisService analyser) {
        return texts.stream()
                .map(text -> analyser.analyze(text, language).sentiment())
                .min(Double::compare)
                .orElse(null);
    }

    private static boolean onScale(ResponseSubmitted.AnswerValue answer, ScoreScale scale) {
        return answer.score() != null && scale.contains(answer.score())
                && (answer.scaleMin() == null || answer.scaleMin() == scale.min())
                && (answer.scaleMax() == null || answer.scaleMax() == scale.max());
    }
}
