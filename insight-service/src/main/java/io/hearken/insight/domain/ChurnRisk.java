package io.hearken.insight.domain;

import java.util.List;

/**
 * A customer's churn risk: a score from 0 to 100, its band and the reasons, whose points add up to the score, so a
 * CX team sees why a customer is flagged and not just that they are.
 */
public record ChurnRisk(int score, RiskBand band, List<ChurnReason> reasons) {

    public ChurnRisk {
        reasons = List.copyOf(reasons);
    }
}
