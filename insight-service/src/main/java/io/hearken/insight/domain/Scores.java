package io.hearken.insight.domain;

/**
 * The scores CX teams read, from a {@link Tally}, each with its 95 % margin of error (formulas in
 * insight-service/README.md):
 *
 * <ul>
 * <li><b>NPS</b> = % promoters (9–10) − % detractors (0–6) on 0..10. Coding each answer +1 (promoter), 0 (passive),
 * −1 (detractor), NPS/100 is the mean of that coding; its variance is {@code p + d − (p − d)²} (p, d the promoter
 * and detractor shares), and the standard error {@code sqrt(variance / n)}, in NPS points × 100.</li>
 * <li><b>CSAT</b> on 1..5: top-2-box % (4 or 5), with the proportion's standard error {@code sqrt(q(1 − q) / n)};
 * and the mean, with {@code s / sqrt(n)}.</li>
 * <li><b>CES</b> on 1..7: the mean, with {@code s / sqrt(n)}; and % agree (5, 6 or 7), as a proportion.</li>
 * </ul>
 *
 * <p>A change between two periods is <b>significant</b> when the two-sample z statistic of the difference exceeds the
 * 95 % quantile: {@code |a − b| / sqrt(seA² + seB²) > 1.96} (a two-sided z-test for the difference of two
 * independent means or proportions, which NPS is, by its coding).
 */
public final class Scores {

    private Scores() {
    }

    public static ScoreEstimate nps(Tally tally) {
        requireScale(tally, 0, 10, "NPS");
        long n = tally.count();
        if (n == 0) {
            return new ScoreEstimate(Double.NaN, Double.NaN, 0, true);
        }
        double promoters = (double) tally.between(9, 10) / n;
        double detractors = (double) tally.between(0, 6) / n;
        double score = promoters - detractors;
        double variance = promoters + detractors - score * score;
        return ScoreEstimate.of(100 * score, 100 * Math.sqrt(variance / n), n);
    }

    public static ScoreEstimate csatTopTwoBox(Tally tally) {
        requireScale(tally, 1, 5, "CSAT");
        return proportion(tally, 4, 5);
    }

    public static ScoreEstimate csatMean(Tally tally) {
        requireScale(tally, 1, 5, "CSAT");
        return mean(tally);
    }

    public static ScoreEstimate cesMean(Tally tally) {
        requireScale(tally, 1, 7, "CES");
        return mean(tally);
    }

    public static ScoreEstimate cesAgree(Tally tally) {
        requireScale(tally, 1, 7, "CES");
        return proportion(tally, 5, 7);
    }

    /** The mean of any scale (a rating), with {@code s / sqrt(n)}. */
    public static ScoreEstimate mean(Tally tally) {
        long n = tally.count();
        if (n == 0) {
            return new ScoreEstimate(Double.NaN, Double.NaN, 0, true);
        }
        return ScoreEstimate.of(tally.mean(), Math.sqrt(tally.variance() / n), n);
    }

    /** The % of answers from {@code low} to {@code high}, with the proportion's standard error. */
    public static ScoreEstimate proportion(Tally tally, int low, int high) {
        return share(tally.between(low, high), tally.count());
    }

    /** {@code part} of {@code whole} as a %, with the proportion's standard error (the share of an option). */
    public static ScoreEstimate share(long part, long whole) {
        if (whole == 0) {
            return new ScoreEstimate(Double.NaN, Double.NaN, 0, true);
        }
        double share = (double) part / whole;
        return ScoreEstimate.of(100 * share, 100 * Math.sqrt(share * (1 - share) / whole), whole);
    }

    /**
     * Whether the change from {@code before} to {@code after} is more than chance would explain at 95 %: the two-sided
     * z-test of the difference, with each estimate's standard error recovered from its margin.
     */
    public static boolean significantChange(ScoreEstimate before, ScoreEstimate after) {
        if (before.count() < 2 || after.count() < 2 || Double.isNaN(before.marginOfError())
                || Double.isNaN(after.marginOfError())) {
            return false;
        }
        double seBefore = before.marginOfError() / ScoreEstimate.Z_95;
        double seAfter = after.marginOfError() / ScoreEstimate.Z_95;
        double spread = Math.sqrt(seBefore * seBefore + seAfter * seAfter);
        if (spread == 0) {
            return before.value() != after.value();
        }
        return Math.abs(after.value() - before.value()) / spread > ScoreEstimate.Z_95;
    }

    private static void requireScale(Tally tally, int min, int max, String score) {
        if (tally.scaleMin() != min || tally.scaleMax() != max) {
            throw new IllegalArgumentException(score + " is on " + min + ".." + max + ", not " + tally.scaleMin()
                    + ".." + tally.scaleMax());
        }
    }
}
