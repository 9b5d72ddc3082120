package io.hearken.insight.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What texts are about: the top topics with their volume, share of texts and average sentiment, and the topics that
 * drive detractors — mentioned by a larger share of detractors' texts than of promoters' texts, by more than chance
 * explains: a two-proportion z-test with pooled variance, {@code z = (pD − pP) / sqrt(p(1 − p)(1/nD + 1/nP))},
 * significant when {@code z > 1.96} (95 %, two-sided, over-represented among detractors).
 */
public record TopicReport(TextCounts all, List<TopicLine> topics, List<Driver> drivers) {

    /** A topic's volume, its % of all texts, its mean sentiment and the % of its texts negative and positive. */
    public record TopicLine(String topic, long texts, double share, double averageSentiment, double negativeShare,
                            double positiveShare) {
    }

    /**
     * A topic's share of detractors' texts against its share of promoters' texts, the z statistic of the difference
     * and whether it is significant.
     */
    public record Driver(String topic, long detractorTexts, double detractorShare, long promoterTexts,
                         double promoterShare, double z, boolean significant) {
    }

    /** The report from each topic's counts ({@link TextRollupKey#ALL_TEXTS} for every text), top {@code limit}. */
    public static TopicReport of(Map<String, TextCounts> byTopic, int limit) {
        TextCounts all = byTopic.getOrDefault(TextRollupKey.ALL_TEXTS, TextCounts.NONE);
        List<TopicLine> topics = new ArrayList<>();
        List<Driver> drivers = new ArrayList<>();
        byTopic.forEach((topic, counts) -> {
            if (TextRollupKey.ALL_TEXTS.equals(topic)) {
                return;
            }
            topics.add(new TopicLine(topic, counts.texts(), percent(counts.texts(), all.texts()),
                    counts.averageSentiment(), percent(counts.negative(), counts.texts()),
                    percent(counts.positive(), counts.texts())));
            driver(topic, counts, all).ifPresent(drivers::add);
        });
        topics.sort(Comparator.comparingLong(TopicLine::texts).reversed().thenComparing(TopicLine::topic));
        drivers.sort(Comparator.comparingDouble(Driver::z).reversed().thenComparing(Driver::topic));
        return new TopicReport(all, topics.subList(0, Math.min(limit, topics.size())),
                drivers.stream().filter(Driver::significant).limit(limit).toList());
    }

    private static Optional<Driver> driver(String topic, TextCounts counts, TextCounts all) {
        long detractors = all.detractors();
        long promoters = all.promoters();
        if (detractors == 0 || promoters == 0) {
            return Optional.empty();
        }
        double detractorShare = (double) counts.detractors() / detractors;
        double promoterShare = (double) counts.promoters() / promoters;
        double pooled = (double) (counts.detractors() + counts.promoters()) / (detractors + promoters);
        double spread = Math.sqrt(pooled * (1 - pooled) * (1.0 / detractors + 1.0 / promoters));
        double z = spread == 0 ? 0 : (detractorShare - promoterShare) / spread;
        return Optional.of(new Driver(topic, counts.detractors(), 100 * detractorShare, counts.promoters(),
                100 * promoterShare, z, z > ScoreEstimate.Z_95));
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }
}
