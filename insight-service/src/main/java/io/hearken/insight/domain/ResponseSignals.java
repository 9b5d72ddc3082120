package io.hearken.insight.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the per-response alert rules look at in one survey response or feedback item (a review, a ticket). Scores are
 * absent where nothing was asked: a review has no NPS, so only the sentiment and keyword rules can fire for it.
 *
 * @param tenant        the tenant it belongs to
 * @param sourceEventId the id of the event that carried it; a redelivery has the same id, and so raises the same alert
 * @param responseId    the response's or feedback item's id
 * @param surveyId      the survey answered; null for feedback that is not a survey response
 * @param profileId     the customer's profile, when known
 * @param customerId    the tenant's own id of the customer, when known
 * @param channel       where it came from ({@code email}, {@code web}, {@code app-store}, {@code zendesk}, …)
 * @param submittedAt   when the customer gave it
 * @param npsScore      the NPS answer 0–10, or null
 * @param csatScores    the CSAT answers 1–5 (a survey may ask several), maybe empty
 * @param sentiment     the sentiment of the texts, −1..1, computed by text analytics, or null
 * @param texts         the free-text answers, comments, review bodies
 * @param respondent    who answered, as the response named them; {@link Respondent#NOBODY} for feedback
 */
public record ResponseSignals(String tenant, String sourceEventId, String responseId, String surveyId,
                              String profileId, String customerId, String channel, Instant submittedAt,
                              Integer npsScore, List<Integer> csatScores, Double sentiment, List<String> texts,
                              Respondent respondent) {

    public ResponseSignals {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (npsScore != null && !ScoreScale.NPS.contains(npsScore)) {
            throw new IllegalArgumentException("an NPS answer is 0 to 10, was " + npsScore);
        }
        csatScores = csatScores == null ? List.of() : List.copyOf(csatScores);
        for (int csat : csatScores) {
            if (!ScoreScale.CSAT.contains(csat)) {
                throw new IllegalArgumentException("a CSAT answer is 1 to 5, was " + csat);
            }
        }
        if (sentiment != null && !(sentiment >= -1 && sentiment <= 1)) {
            throw new IllegalArgumentException("a sentiment score is −1 to 1, was " + sentiment);
        }
        texts = texts == null ? List.of() : List.copyOf(withoutNulls(texts));
        respondent = respondent == null ? Respondent.NOBODY : respondent;
    }

    /** Signals of a response that named nobody beyond its customer id. */
    public ResponseSignals(String tenant, String sourceEventId, String responseId, String surveyId, String profileId,
                           String customerId, String channel, Instant submittedAt, Integer npsScore,
                           List<Integer> csatScores, Double sentiment, List<String> texts) {
        this(tenant, sourceEventId, responseId, surveyId, profileId, customerId, channel, submittedAt, npsScore,
                csatScores, sentiment, texts, new Respondent(customerId, null, null, false));
    }

    private static List<String> withoutNulls(List<String> texts) {
        List<String> present = new ArrayList<>();
        for (String text : texts) {
            if (text != null) {
                present.add(text);
            }
        }
        return present;
    }
}
