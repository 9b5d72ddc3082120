package io.hearken.insight.domain;

import java.util.Objects;

/** One signal's share of a churn risk score: what it was, in words, and how many points it added. */
public record ChurnReason(ChurnFactor factor, String description, int points) {

    public ChurnReason {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(description, "description");
    }

    /** "detractor on 2026-11-20 (NPS 3): +35". */
    @Override
    public String toString() {
        return description + ": +" + points;
    }
}
