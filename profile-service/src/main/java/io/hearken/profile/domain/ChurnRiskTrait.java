package io.hearken.profile.domain;

import java.time.Instant;
import java.util.List;

/**
 * A customer's churn risk as insight-service last assessed it: the score 0–100, its band (LOW, MEDIUM, HIGH), the
 * reasons whose points make up the score, and when it was assessed; a later assessment replaces an earlier one,
 * never the reverse.
 */
public record ChurnRiskTrait(int score, String band, List<Reason> reasons, Instant assessedAt) {

    public ChurnRiskTrait {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** One signal's share of the score, e.g. DETRACTOR, "detractor on 2026-11-20 (NPS 3)", 35. */
    public record Reason(String factor, String text, int points) {
    }
}
