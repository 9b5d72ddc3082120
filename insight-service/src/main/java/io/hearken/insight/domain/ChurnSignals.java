package io.hearken.insight.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What churn risk is computed from for one customer: their recent answers on any scale, the sentiment of their
 * recent feedback and how many of their follow-up cases are still unresolved. Older signals may be passed too; the
 * model decides how much they still count.
 */
public record ChurnSignals(String tenant, String customerId, List<DatedScore> scores,
                           List<DatedSentiment> sentiments, int unresolvedCases) {

    public ChurnSignals {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(customerId, "customerId");
        scores = scores == null ? List.of() : List.copyOf(scores);
        sentiments = sentiments == null ? List.of() : List.copyOf(sentiments);
        if (unresolvedCases < 0) {
            throw new IllegalArgumentException("unresolved cases cannot be negative: " + unresolvedCases);
        }
    }

    /** An answer and when it was given. */
    public record DatedScore(ScaleScore score, Instant at) {

        public DatedScore {
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The sentiment (−1..1) of a piece of feedback and when it was given. */
    public record DatedSentiment(double value, Instant at) {

        public DatedSentiment {
            if (!(value >= -1 && value <= 1)) {
                throw new IllegalArgumentException("a sentiment score is −1 to 1, was " + value);
            }
            Objects.requireNonNull(at, "at");
        }
    }
}
