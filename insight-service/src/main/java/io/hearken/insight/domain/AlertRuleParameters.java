package io.hearken.insight.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The settings of an alert rule, one flat value so it stores as a JSON column or a few nullable ones. Which fields a
 * type reads: LOW_CSAT and NEGATIVE_SENTIMENT {@code threshold} (null = the default), KEYWORD {@code keywords},
 * SCORE_DROP {@code score} and {@code period}; DETRACTOR none. {@link AlertRule#violations()} checks them.
 *
 * @param threshold a CSAT answer (1–5, whole) or a sentiment score (−1..1) at or below which the rule fires
 * @param keywords  words or phrases in any language; a trailing {@code *} makes a Latin keyword a prefix
 * @param score     the score a score-drop rule watches
 * @param period    the length of the two consecutive periods a score-drop rule compares
 */
public record AlertRuleParameters(Double threshold, List<String> keywords, ScoreMeasure score, ScorePeriod period) {

    public static final double DEFAULT_CSAT_THRESHOLD = 2;
    public static final double DEFAULT_SENTIMENT_THRESHOLD = -0.3;

    public AlertRuleParameters {
        // Nulls inside the list are kept so that validation can name them instead of the constructor failing.
        keywords = keywords == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(keywords));
    }

    public static AlertRuleParameters none() {
        return new AlertRuleParameters(null, null, null, null);
    }

    public static AlertRuleParameters ofThreshold(double threshold) {
        return new AlertRuleParameters(threshold, null, null, null);
    }

    public static AlertRuleParameters ofKeywords(List<String> keywords) {
        return new AlertRuleParameters(null, keywords, null, null);
    }

    public static AlertRuleParameters ofKeywords(String... keywords) {
        return ofKeywords(List.of(keywords));
    }

    public static AlertRuleParameters ofScoreDrop(ScoreMeasure score, ScorePeriod period) {
        return new AlertRuleParameters(null, null, score, period);
    }
}
