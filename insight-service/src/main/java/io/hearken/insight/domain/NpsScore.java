package io.hearken.insight.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A survey's Net Promoter Score: promoters answered 9-10, passives 7-8, detractors 0-6;
 * NPS = (promoters - detractors) / total x 100, rounded half-up to one decimal, 0 when nobody answered.
 */
public record NpsScore(String surveyId, long promoters, long passives, long detractors, long total, double nps) {

    public static NpsScore of(String surveyId, long promoters, long passives, long detractors) {
        long total = promoters + passives + detractors;
        double nps = total == 0 ? 0.0 : BigDecimal.valueOf((promoters - detractors) * 100L)
                .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP)
                .doubleValue();
        return new NpsScore(surveyId, promoters, passives, detractors, total, nps);
    }

    /** Which NPS group a 0-10 score falls in. */
    public static NpsGroup groupOf(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("an NPS score is 0 to 10, was " + score);
        }
        return score >= 9 ? NpsGroup.PROMOTER : score >= 7 ? NpsGroup.PASSIVE : NpsGroup.DETRACTOR;
    }

    /** The three NPS groups. */
    public enum NpsGroup {
        PROMOTER, PASSIVE, DETRACTOR
    }
}
