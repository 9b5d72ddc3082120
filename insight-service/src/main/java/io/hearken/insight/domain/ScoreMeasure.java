package io.hearken.insight.domain;

/**
 * Which aggregate score a score-drop rule watches, and how that score comes out of a {@link Tally}. Every measure is
 * better when higher, so a drop is always a fall of the value.
 */
public enum ScoreMeasure {
    NPS, CSAT_TOP_TWO_BOX, CSAT_MEAN, CES_MEAN, CES_AGREE;

    /** The scale of the answers this score is computed from. */
    public ScoreScale scale() {
        return switch (this) {
            case NPS -> ScoreScale.NPS;
            case CSAT_TOP_TWO_BOX, CSAT_MEAN -> ScoreScale.CSAT;
            case CES_MEAN, CES_AGREE -> ScoreScale.CES;
        };
    }

    public ScoreEstimate estimate(Tally tally) {
        return switch (this) {
            case NPS -> Scores.nps(tally);
            case CSAT_TOP_TWO_BOX -> Scores.csatTopTwoBox(tally);
            case CSAT_MEAN -> Scores.csatMean(tally);
            case CES_MEAN -> Scores.cesMean(tally);
            case CES_AGREE -> Scores.cesAgree(tally);
        };
    }
}
