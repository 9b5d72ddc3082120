package io.hearken.insight.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A transparent churn risk score: a few signals, each worth a fixed number of points, summed. The weights add up to
 * 100, so the score needs no clamping and every point is explained by a reason:
 *
 * <ul>
 * <li>{@value #DETRACTOR_POINTS}: the customer's latest NPS answer is a detractor's (0–6);</li>
 * <li>{@value #NEGATIVE_SENTIMENT_POINTS}: the sentiment of their latest feedback is at or below
 * {@link AlertRuleParameters#DEFAULT_SENTIMENT_THRESHOLD};</li>
 * <li>{@value #FALLING_SCORE_POINTS}: their latest answer on a scale is lower than the one before on that scale
 * (counted once, for the most recent fall);</li>
 * <li>{@value #POINTS_PER_UNRESOLVED_CASE} per unresolved case, at most {@value #UNRESOLVED_CASES_MAX_POINTS}.</li>
 * </ul>
 *
 * <p>Dated signals decay with age: full points up to {@value #FULL_WEIGHT_DAYS} days, then linearly less, nothing
 * from {@value #FORGET_AFTER_DAYS} days; points are rounded half up. Unresolved cases do not decay: they are open now.
 * Signals after {@code now} are ignored (not happened yet, as of the assessment). At equal times the worse answer is
 * taken as the latest, so the order of the input does not matter: the same signals and {@code now} always give the
 * same result.
 */
public final class ChurnRiskModel {

    public static final int DETRACTOR_POINTS = 35;
    public static final int NEGATIVE_SENTIMENT_POINTS = 20;
    public static final int FALLING_SCORE_POINTS = 15;
    public static final int POINTS_PER_UNRESOLVED_CASE = 10;
    public static final int UNRESOLVED_CASES_MAX_POINTS = 30;
    public static final int FULL_WEIGHT_DAYS = 30;
    public static final int FORGET_AFTER_DAYS = 90;
    public static final int MEDIUM_FROM = 30;
    public static final int HIGH_FROM = 60;

    private static final Duration FULL_WEIGHT = Duration.ofDays(FULL_WEIGHT_DAYS);
    private static final Duration FORGET_AFTER = Duration.ofDays(FORGET_AFTER_DAYS);
    private static final Comparator<ChurnSignals.DatedScore> OLDEST_FIRST_BEST_FIRST =
            Comparator.comparing(ChurnSignals.DatedScore::at)
                    .thenComparing(dated -> dated.score().value(), Comparator.reverseOrder());

    private ChurnRiskModel() {
    }

    public static ChurnRisk assess(ChurnSignals signals, Instant now) {
        List<ChurnReason> reasons = new ArrayList<>();
        detractor(signals, now).ifPresent(reasons::add);
        negativeSentiment(signals, now).ifPresent(reasons::add);
        fallingScore(signals, now).ifPresent(reasons::add);
        unresolvedCases(signals).ifPresent(reasons::add);
        int score = Math.min(100, reasons.stream().mapToInt(ChurnReason::points).sum());
        return new ChurnRisk(score, bandOf(score), reasons);
    }

    public static RiskBand bandOf(int score) {
        return score >= HIGH_FROM ? RiskBand.HIGH : score >= MEDIUM_FROM ? RiskBand.MEDIUM : RiskBand.LOW;
    }

    /** 1 up to the full-weight age, falling linearly to 0 at the forget age; 0 for the future. */
    static double decay(Instant at, Instant now) {
        if (at.isAfter(now)) {
            return 0;
        }
        Duration age = Duration.between(at, now);
        if (age.compareTo(FULL_WEIGHT) <= 0) {
            return 1;
        }
        if (age.compareTo(FORGET_AFTER) >= 0) {
            return 0;
        }
        double fading = FORGET_AFTER.minus(FULL_WEIGHT).toSeconds();
        return FORGET_AFTER.minus(age).toSeconds() / fading;
    }

    private static Optional<ChurnReason> detractor(ChurnSignals signals, Instant now) {
        return latestTwo(signals, ScoreScale.NPS, now).stream().reduce((first, second) -> second)
                .filter(latest -> NpsScore.groupOf(latest.score().value()) == NpsScore.NpsGroup.DETRACTOR)
                .flatMap(latest -> reason(ChurnFactor.DETRACTOR, DETRACTOR_POINTS, latest.at(), now,
                        "detractor on " + dateOf(latest.at()) + " (NPS " + latest.score().value() + ")"));
    }

    private static Optional<ChurnReason> negativeSentiment(ChurnSignals signals, Instant now) {
        return signals.sentiments().stream()
                .filter(reading -> !reading.at().isAfter(now))
                .max(Comparator.comparing(ChurnSignals.DatedSentiment::at)
                        .thenComparing(ChurnSignals.DatedSentiment::value, Comparator.reverseOrder()))
                .filter(latest -> latest.value() <= AlertRuleParameters.DEFAULT_SENTIMENT_THRESHOLD)
                .flatMap(latest -> reason(ChurnFactor.NEGATIVE_SENTIMENT, NEGATIVE_SENTIMENT_POINTS, latest.at(), now,
                        String.format(Locale.ROOT, "negative sentiment on %s (%.2f)", dateOf(latest.at()),
                                latest.value())));
    }

    /**
     * The most recent fall on any scale, NPS first when falls on two scales are as recent; the answer before it is a
     * baseline and may be of any age.
     */
    private static Optional<ChurnReason> fallingScore(ChurnSignals signals, Instant now) {
        Map<ScoreScale, List<ChurnSignals.DatedScore>> pairs = new EnumMap<>(ScoreScale.class);
        for (ScoreScale scale : ScoreScale.values()) {
            List<ChurnSignals.DatedScore> lastTwo = latestTwo(signals, scale, now);
            if (lastTwo.size() == 2 && lastTwo.get(1).score().value() < lastTwo.get(0).score().value()) {
                pairs.put(scale, lastTwo);
            }
        }
        return pairs.values().stream()
                .max(Comparator.comparing((List<ChurnSignals.DatedScore> pair) -> pair.get(1).at())
                        .thenComparing(pair -> pair.get(1).score().scale(), Comparator.reverseOrder()))
                .flatMap(pair -> reason(ChurnFactor.FALLING_SCORE, FALLING_SCORE_POINTS, pair.get(1).at(), now,
                        pair.get(1).score().scale() + " fell from " + pair.get(0).score().value() + " to "
                                + pair.get(1).score().value() + " on " + dateOf(pair.get(1).at())));
    }

    private static Optional<ChurnReason> unresolvedCases(ChurnSignals signals) {
        int cases = signals.unresolvedCases();
        if (cases == 0) {
            return Optional.empty();
        }
        int points = Math.min(UNRESOLVED_CASES_MAX_POINTS, cases * POINTS_PER_UNRESOLVED_CASE);
        String description = cases + (cases == 1 ? " unresolved case" : " unresolved cases");
        return Optional.of(new ChurnReason(ChurnFactor.UNRESOLVED_CASES, description, points));
    }

    /** The last two answers on a scale up to {@code now}, oldest first; fewer when there are fewer. */
    private static List<ChurnSignals.DatedScore> latestTwo(ChurnSignals signals, ScoreScale scale, Instant now) {
        List<ChurnSignals.DatedScore> answers = signals.scores().stream()
                .filter(dated -> dated.score().scale() == scale && !dated.at().isAfter(now))
                .sorted(OLDEST_FIRST_BEST_FIRST)
                .toList();
        return answers.subList(Math.max(0, answers.size() - 2), answers.size());
    }

    private static Optional<ChurnReason> reason(ChurnFactor factor, int weight, Instant at, Instant now,
                                                String description) {
        int points = (int) Math.round(weight * decay(at, now));
        return points == 0 ? Optional.empty() : Optional.of(new ChurnReason(factor, description, points));
    }

    private static String dateOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }
}
