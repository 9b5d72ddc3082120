package io.hearken.insight.domain;

/**
 * Business outcomes counted together: purchases (of which repeat purchases: the customer had bought before),
 * renewals and cancellations, and the rates a CX programme is funded on, each a proportion with its 95 % margin:
 * repeat-purchase rate = repeat purchases / purchases; retention rate = renewals / (renewals + cancellations);
 * churn rate = cancellations / (renewals + cancellations).
 */
public record OutcomeCounts(long purchases, long repeatPurchases, long renewals, long cancellations) {

    public static final OutcomeCounts NONE = new OutcomeCounts(0, 0, 0, 0);

    public OutcomeCounts plus(OutcomeCounts other) {
        return new OutcomeCounts(purchases + other.purchases, repeatPurchases + other.repeatPurchases,
                renewals + other.renewals, cancellations + other.cancellations);
    }

    public ScoreEstimate repeatPurchaseRate() {
        return Scores.share(repeatPurchases, purchases);
    }

    public ScoreEstimate retentionRate() {
        return Scores.share(renewals, renewals + cancellations);
    }

    public ScoreEstimate churnRate() {
        return Scores.share(cancellations, renewals + cancellations);
    }
}
